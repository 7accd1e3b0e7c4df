-- The index of key rows by seq served only one thing: copying a StatementRef target's key rows to the statement
-- that targets it. Those keys are now computed again from the target's stored JSON, so the index goes: it cost a
-- second B-tree insert for each of the ~10 key rows of every statement, and memory the statement queries need.
ALTER TABLE xapi_statement_key DROP INDEX ix_xapi_statement_key_seq;
