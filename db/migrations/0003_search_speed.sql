CREATE TABLE "profile_term" (
	"term" text NOT NULL,
	CONSTRAINT "profile_term_length" CHECK (char_length("profile_term"."term") between 1 and 200)
);
--> statement-breakpoint
DROP INDEX "profiles_search_trgm_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "profile_term_unique" ON "profile_term" USING btree (("term" collate "C"));--> statement-breakpoint
CREATE INDEX "profiles_created_at_idx" ON "profiles" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
-- Hand-written: keep profile_term holding every word of every profile's search vector, whoever
-- writes profiles (services, seed, bulk loads). Statement-level, so a bulk insert pays once.
CREATE FUNCTION "profile_term_record"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "profile_term" ("term")
    SELECT DISTINCT w FROM new_rows, unnest(tsvector_to_array(new_rows."search_vector")) AS w
    WHERE char_length(w) <= 200
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "profile_term_on_insert" AFTER INSERT ON "profiles" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "profile_term_record"();--> statement-breakpoint
CREATE TRIGGER "profile_term_on_update" AFTER UPDATE ON "profiles" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "profile_term_record"();--> statement-breakpoint
INSERT INTO "profile_term" ("term")
  SELECT DISTINCT w FROM "profiles", unnest(tsvector_to_array("profiles"."search_vector")) AS w
  WHERE char_length(w) <= 200
ON CONFLICT DO NOTHING;
