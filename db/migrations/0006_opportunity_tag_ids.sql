ALTER TABLE "opportunity" ADD COLUMN "tag_ids" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
CREATE INDEX "opportunity_tag_ids_idx" ON "opportunity" USING gin ("tag_ids");--> statement-breakpoint
-- Hand-written: keep opportunity.tag_ids equal to the posting's rows in opportunity_tag, whoever
-- writes them (services, seed, bulk loads). Statement-level, one grouped update per statement.
CREATE FUNCTION "opportunity_tag_ids_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "opportunity" o SET "tag_ids" = coalesce(agg.ids, '{}')
  FROM (SELECT DISTINCT opportunity_id AS id FROM changed_rows) c
  LEFT JOIN (
    SELECT ot.opportunity_id, array_agg(ot.tag_id ORDER BY ot.tag_id) AS ids FROM "opportunity_tag" ot
    WHERE ot.opportunity_id IN (SELECT opportunity_id FROM changed_rows) GROUP BY ot.opportunity_id
  ) agg ON agg.opportunity_id = c.id
  WHERE o.id = c.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "opportunity_tag_ids_on_insert" AFTER INSERT ON "opportunity_tag" REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_tag_ids_sync"();--> statement-breakpoint
CREATE TRIGGER "opportunity_tag_ids_on_delete" AFTER DELETE ON "opportunity_tag" REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "opportunity_tag_ids_sync"();--> statement-breakpoint
UPDATE "opportunity" o SET "tag_ids" = x.ids
FROM (SELECT opportunity_id, array_agg(tag_id ORDER BY tag_id) AS ids FROM "opportunity_tag" GROUP BY opportunity_id) x
WHERE o.id = x.opportunity_id;
