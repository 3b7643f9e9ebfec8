"""Where an answer's direct answer (the asked fact on its own, "Ongeveer 18.000 ouders [1].")
sits in its text, so that every channel can show it first and set apart from the supporting
quotes that follow it."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer_models import Answer


@dataclass(frozen=True)
class AnswerLayout:
    """An answer's text in three parts; joined with blank lines they say what `answer` says."""

    preface: str  # how the question was read (reading notes), before the direct answer
    direct: str  # the direct answer to emphasise; "" when there is nothing to set apart
    body: str  # the supporting quotes, or the whole answer when nothing is emphasised

    @property
    def paragraphs(self) -> list[str]:
        return [part for part in (self.preface, self.direct, self.body) if part]


def answer_layout(answer: Answer) -> AnswerLayout:
    """The direct answer is emphasised only when there is something to set it apart from: a
    refusal, an answer without one, or an answer that is nothing but the direct answer stays as
    it is. When the text does not hold the direct answer it still goes first."""
    text = answer.answer.strip()
    direct = (answer.direct_answer or "").strip()
    if answer.refused or not direct:
        return AnswerLayout("", "", text)
    at = text.find(direct)
    if at < 0:
        return AnswerLayout("", direct, text)
    preface, body = text[:at].strip(), text[at + len(direct) :].strip()
    if not body:
        return AnswerLayout("", "", text)
    return AnswerLayout(preface, direct, body)


def chat_markdown(answer: Answer) -> str:
    """The web chat's message: the direct answer in bold on its own line, then the quotes."""
    layout = answer_layout(answer)
    if not layout.direct:
        return layout.body
    bold = "**" + layout.direct.replace("*", r"\*") + "**"
    return "\n\n".join(part for part in (layout.preface, bold, layout.body) if part)
