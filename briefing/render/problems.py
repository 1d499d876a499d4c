"""What can be wrong with the user's templates or house document: the render stage's errors,
in a module of their own so that catching them does not import python-docx or Jinja2."""


class TemplateProblem(ValueError):
    """A template is missing or broken; the message names it, its line and what is wrong."""


class ReferenceDocError(ValueError):
    """The reference document cannot be used: missing, not a .docx, or lacking styles."""


class StyleError(ReferenceDocError):
    """The reference document lacks styles the renderer needs (names listed in the message)."""
