-- The documents kept for an agent (state, agent profile) are read for a person's data export and deleted at an
-- erasure by agent alone, without an activity: an index on the agent, so neither reads every document of the
-- organisation.
CREATE INDEX ix_xapi_document_agent ON xapi_document (organisation_id, agent_hash, kind);
