"""The parts of answering a question, each behind a small interface.

- `answerer`: the `Answerer` protocol; `extractive_answerer` and `llm_answerer` are its two
  answerers, and `fallback` wraps one answerer with another for when it fails;
- `chat_model`: the `ChatModel` protocol a language model backend implements (`assistant.llm`);
- `resolver`: a follow-up question read against the conversation;
- `refusal`: when the passages cannot answer, and what the refusal says;
- `citations`: citation numbering; `document_facts`: answers from a document's own metadata;
- `reading_notes`: how Kamerstuk numbers in the question were read.

`assistant.service.AnswerService` runs them in order; `assistant.app` builds them.
"""
