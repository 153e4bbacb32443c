"""Time expressions: the grammar that finds them, the tense of their clause, and the
calendar arithmetic that gives them a TIMEX3 value. The `times` stage puts it together."""
