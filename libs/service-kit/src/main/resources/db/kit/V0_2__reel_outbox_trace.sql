-- The W3C trace context (traceparent) of the transaction that appended the event, so that the
-- relay publishes it as part of the same trace. Null for events appended outside a trace.
ALTER TABLE reel_outbox ADD COLUMN traceparent TEXT;
