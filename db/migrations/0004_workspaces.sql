CREATE TYPE "public"."collab_join_mode" AS ENUM('edit', 'spectate');--> statement-breakpoint
CREATE TABLE "artwork_contributor" (
	"artwork_id" text NOT NULL,
	"user_id" text NOT NULL,
	"strokes" integer NOT NULL,
	CONSTRAINT "artwork_contributor_artwork_id_user_id_pk" PRIMARY KEY("artwork_id","user_id"),
	CONSTRAINT "artwork_contributor_strokes_positive" CHECK ("artwork_contributor"."strokes" > 0)
);
--> statement-breakpoint
CREATE TABLE "collab_canvas" (
	"session_id" text PRIMARY KEY NOT NULL,
	"strokes" jsonb NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_canvas_strokes_array" CHECK (jsonb_typeof("collab_canvas"."strokes") = 'array')
);
--> statement-breakpoint
CREATE TABLE "collab_contribution" (
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"strokes" integer NOT NULL,
	CONSTRAINT "collab_contribution_session_id_user_id_pk" PRIMARY KEY("session_id","user_id"),
	CONSTRAINT "collab_contribution_strokes_nonnegative" CHECK ("collab_contribution"."strokes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "collab_join" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"mode" "collab_join_mode" NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collab_message" (
	"session_id" text NOT NULL,
	"id" text NOT NULL,
	"position" integer NOT NULL,
	"author_id" text,
	"author" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "collab_message_session_id_id_pk" PRIMARY KEY("session_id","id"),
	CONSTRAINT "collab_message_text_length" CHECK (char_length("collab_message"."text") between 1 and 2000),
	CONSTRAINT "collab_message_position_nonnegative" CHECK ("collab_message"."position" >= 0)
);
--> statement-breakpoint
ALTER TABLE "collab_participant" ADD COLUMN "invited_by" text;--> statement-breakpoint
ALTER TABLE "collab_session" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "collab_session" ADD COLUMN "notes" text;--> statement-breakpoint
ALTER TABLE "artwork_contributor" ADD CONSTRAINT "artwork_contributor_artwork_id_kreative_artwork_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."kreative_artwork"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artwork_contributor" ADD CONSTRAINT "artwork_contributor_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_canvas" ADD CONSTRAINT "collab_canvas_session_id_collab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."collab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_contribution" ADD CONSTRAINT "collab_contribution_session_id_collab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."collab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_contribution" ADD CONSTRAINT "collab_contribution_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_join" ADD CONSTRAINT "collab_join_session_id_collab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."collab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_join" ADD CONSTRAINT "collab_join_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_message" ADD CONSTRAINT "collab_message_session_id_collab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."collab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_message" ADD CONSTRAINT "collab_message_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "artwork_contributor_user_idx" ON "artwork_contributor" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "collab_join_session_idx" ON "collab_join" USING btree ("session_id","at");--> statement-breakpoint
CREATE INDEX "collab_join_user_idx" ON "collab_join" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "collab_message_position_unique" ON "collab_message" USING btree ("session_id","position");--> statement-breakpoint
ALTER TABLE "collab_participant" ADD CONSTRAINT "collab_participant_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_session" ADD CONSTRAINT "collab_session_archived_after_end" CHECK ("collab_session"."archived_at" is null or "collab_session"."ended_at" is not null);--> statement-breakpoint
ALTER TABLE "collab_session" ADD CONSTRAINT "collab_session_notes_archived" CHECK ("collab_session"."notes" is null or ("collab_session"."archived_at" is not null and char_length("collab_session"."notes") <= 200000));--> statement-breakpoint
ALTER TABLE "collab_session" ADD CONSTRAINT "collab_session_final_after_end" CHECK ("collab_session"."final_artwork_id" is null or "collab_session"."ended_at" is not null);--> statement-breakpoint
-- Hand-written: a dm holds exactly two people, whoever writes participants (services, seed).
-- The session row is locked first, so two simultaneous invitations cannot both see a free place.
CREATE FUNCTION "collab_participant_dm_pair"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "collab_session" WHERE "id" = NEW."session_id" AND "session_type" = 'dm' FOR UPDATE;
  IF FOUND AND (SELECT count(*) FROM "collab_participant" WHERE "session_id" = NEW."session_id") >= 2 THEN
    RAISE EXCEPTION 'a dm session has exactly two participants'
      USING ERRCODE = 'check_violation', CONSTRAINT = 'collab_participant_dm_pair';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "collab_participant_dm_pair" BEFORE INSERT ON "collab_participant"
  FOR EACH ROW EXECUTE FUNCTION "collab_participant_dm_pair"();
