"""Near-duplicates: the same wire story republished with another headline, a trailing paragraph
or small edits. Texts are compared as sets of word shingles, estimated with MinHash and looked up
with locality-sensitive hashing (datasketch), so each new article costs one query however many
are stored. Exact copies are caught earlier, by the content hash."""

from __future__ import annotations

from collections.abc import Iterable

from datasketch import LeanMinHash, MinHash, MinHashLSH

from entente.fold import key

SHINGLE_WORDS = 5
NUM_PERM = 128
# Jaccard similarity of shingle sets: a story with one paragraph in ten added scores about 0.9,
# two different stories from one press conference score below 0.3
THRESHOLD = 0.7


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The runs of `size` words of a text, folded (case, accents, punctuation)."""
    words = key(text).split()
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    """The MinHash of a text's shingles, without the hash permutations that made it (a MinHash
    keeps its own 2 KB copy): the index holds one per stored article, 6.2 instead of 8.7 KB an
    article with the LSH keys (5,000 articles, bench/RESULTS.md)."""
    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch(list(shingles(text)))
    return LeanMinHash(mh)


class NearDuplicates:
    """Groups of near-identical articles; the first article of a group is its canonical text."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._signatures: dict[str, LeanMinHash] = {}
        self._canonical: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def load(self, articles: Iterable[tuple[str, str, str | None]]) -> None:
        """Index stored articles, as (doc_id, text, canonical doc_id or None)."""
        for doc_id, text, canonical in articles:
            self._insert(doc_id, signature(text), canonical or doc_id)

    def _insert(self, doc_id: str, sig: LeanMinHash, canonical: str) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
        self._lsh.insert(doc_id, sig)
        self._signatures[doc_id] = sig
        self._canonical[doc_id] = canonical

    def remove(self, doc_id: str) -> None:
        """Forget an article (one that was not stored after all)."""
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id], self._canonical[doc_id]

    def canonical_of(self, doc_id: str, text: str) -> str | None:
        """The canonical doc_id of the group `text` belongs to, or None when it starts a group of its
        own; either way the article is indexed for those that come after it."""
        sig = signature(text)
        best: tuple[float, str] | None = None
        for other in self._lsh.query(sig):
            if other == doc_id:
                continue
            score = sig.jaccard(self._signatures[other])
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, other)
        canonical = self._canonical[best[1]] if best else None
        self._insert(doc_id, sig, canonical or doc_id)
        return canonical
