"""Finding arguments, syntax: a trigger's own part of the sentence (its region) and its subject,
read from the dependency parse (the subject of a light verb as in 'held talks', the agent of a
passive, the controller of 'invited X to visit')."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from entente.extract.events.triggers import lexicon, match_triggers

HELD_VERBS = {"hold", "convene", "organise", "organize", "take", "co-chair", "chair", "host", "conduct", "open"}
SEQUENCE_VERBS = {"follow", "precede"}
ACCEPTING_VERBS = {"accept", "receive"}


def region_of(trigger: Token, others: set[int]) -> list[Token]:
    """The trigger's own part of the sentence: its subtree, without coordinated parts that hold
    another trigger, nor a relative clause that follows it."""
    skip: set[int] = set(range(relative_start(trigger), trigger.sent.end))
    for child in trigger.children:
        if child.dep_ in ("conj", "appos", "advcl", "ccomp", "relcl") and any(
                t.i in others for t in child.subtree):
            skip |= {t.i for t in child.subtree}
    tokens = [t for t in trigger.subtree if t.i not in skip]
    head = trigger.head
    if trigger.dep_ in ("nsubjpass", "nsubj") and head.lemma_.lower() in HELD_VERBS:
        # "a meeting was held in Moscow under the chair of X and Y": the verb's phrase is the event's
        tokens += [t for c in head.children if c.i != trigger.i and c.dep_ in ("prep", "agent", "advmod", "npadvmod")
                   for t in c.subtree if t.i not in others]
    return tokens


def relative_start(trigger: Token) -> int:
    """Where a non-restrictive relative clause after the trigger begins (', which ...',
    ', with whom ...'), else the sentence's end: what follows describes someone else's doings,
    even where the parser attaches it to the trigger."""
    sent = trigger.sent
    for t in trigger.doc[trigger.i + 1:sent.end]:
        if t.tag_ in ("WDT", "WP", "WP$") and t.lower_ != "what" and t.i >= 2:
            before = t.doc[t.i - 1]
            if before.text == "," or (before.pos_ == "ADP" and t.doc[t.i - 2].text == ","):
                return before.i if before.text != "," else t.i
    return sent.end


def verb_modifiers(trigger: Token, others: set[int]) -> list[Token]:
    """'would impose the tariffs on his first day in office': the time and place a noun trigger's
    verb takes after it. They date the trigger without keeping them from other events."""
    head = trigger.head
    if trigger.dep_ != "dobj" or head.i in others or head.pos_ != "VERB":
        return []
    end = relative_start(trigger)
    return [t for c in head.children if c.dep_ in ("prep", "npadvmod") and trigger.i < c.i < end
            for t in c.subtree if t.i not in others]


def setting_verb(trigger: Token) -> Token:
    """The verb a setting ('in a phone call') belongs to, even where the parser hangs it on a noun:
    'congratulated X on his victory in a phone call'."""
    head = trigger.head.head
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("pobj", "dobj", "prep") or head.head.i == head.i:
            break
        head = head.head
    return head


def subjects_of(trigger: Token, others: frozenset[int] = frozenset()) -> tuple[list[Token], bool]:
    """Tokens of the trigger's subject (or a light verb's, for 'held talks'), and whether the
    construction is passive (then the agent, 'by X', is the actor). `others` are the sentence's
    other triggers: 'rejected Egypt's accusations' is Egypt's accusation, not Ethiopia's."""
    verb = trigger
    if trigger.dep_ == "dobj" and trigger.head.i in others and not any(
            t.type == "AGREE" for t in match_triggers(trigger.head)):  # "signed a declaration" is one act
        return [t for c in trigger.children if c.dep_ == "poss" for t in c.subtree], False
    if trigger.pos_ == "NOUN" and (trigger.dep_ in ("dobj", "nsubjpass", "attr") or (
            trigger.dep_ == "pobj" and trigger.head.lower_ in ("on", "for", "in", "into", "at", "during"))):
        # "held talks", "was on a visit", "went into talks": the verb's subject takes part
        head = trigger.head if trigger.dep_ != "pobj" else setting_verb(trigger)
        if head.lemma_.lower() in lexicon().light_verbs or head.pos_ in ("VERB", "AUX"):
            verb = head
    elif trigger.dep_ == "acl" and trigger.head.lemma_.lower() == "invitation" and \
            trigger.head.head.lemma_.lower() in ACCEPTING_VERBS:
        # "X accepted an invitation to visit Y": X is the visitor
        verb = trigger.head.head
    elif trigger.dep_ == "pobj" and trigger.head.dep_ == "agent" and trigger.head.head.lemma_.lower() in SEQUENCE_VERBS:
        # "talks with Biden, followed by a trilateral meeting with Biden and Ishiba": same subject
        verb = trigger.head.head
    own = verb
    while True:
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj or verb.dep_ not in ("conj", "xcomp", "advcl", "acomp") or verb.head.i == verb.i:
            break
        controller = [c for c in verb.head.children if c.dep_ == "dobj" and any(
            t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "GPE", "NORP") for t in c.subtree)] \
            if verb.dep_ == "xcomp" else []  # not "took the occasion to ask"
        if controller:
            # "invited King Mohammed VI to visit Paris": the one invited visits
            return [t for c in controller for t in c.subtree], False
        verb = verb.head
    # the voice is the trigger's own verb's: "Yoon is expected to hold talks" is active
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in own.children) or (
        own.tag_ == "VBN" and own.lemma_ not in SEQUENCE_VERBS and any(c.dep_ == "agent" for c in own.children))
    tokens = [t for s in subj for t in s.subtree]
    if verb.dep_ == "relcl" and tokens and all(t.tag_ in ("WP", "WDT") for t in tokens):
        # "Fidan, who was on a visit to Athens": the relative pronoun stands for the noun it follows
        tokens = [verb.head]
    agents = [t for c in verb.children if c.dep_ == "agent" for t in _agent_list(c)]
    if trigger.pos_ == "NOUN":
        agents += [t for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree]
        agents += [t for c in trigger.children if c.dep_ == "poss" for t in c.subtree]
    if passive or (trigger.pos_ == "NOUN" and agents):
        return agents, True
    return tokens, False


def _agent_list(agent: Token) -> list[Token]:
    """'signed by X, then Indonesia's minister, and Y': the agent and the names listed after it,
    which the parser often hangs elsewhere, up to the next verb or clause."""
    tokens = list(agent.subtree)
    for t in agent.doc[max(t.i for t in tokens) + 1:agent.sent.end]:
        if t.pos_ in ("VERB", "AUX") or t.tag_ in ("WDT", "WP", "WP$") or t.text in (";", ".", ":"):
            break
        tokens.append(t)
    return tokens


def definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def token_at(doc: Doc, offset: int) -> int | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0].i if span is not None and len(span) else None
