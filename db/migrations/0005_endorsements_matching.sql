CREATE TYPE "public"."endorsement_context" AS ENUM('workspace', 'opportunity');--> statement-breakpoint
CREATE TYPE "public"."dismissal_reason" AS ENUM('not_relevant', 'dont_know', 'not_now');--> statement-breakpoint
CREATE TABLE "endorsement" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"author_id" text NOT NULL,
	"subject_id" text NOT NULL,
	"context_type" "endorsement_context" NOT NULL,
	"context_id" text NOT NULL,
	"concluded_at" timestamp with time zone NOT NULL,
	"rating" integer NOT NULL,
	"text" text NOT NULL,
	"private_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"reply" text,
	"replied_at" timestamp with time zone,
	CONSTRAINT "endorsement_not_self" CHECK ("endorsement"."author_id" <> "endorsement"."subject_id"),
	CONSTRAINT "endorsement_rating_range" CHECK ("endorsement"."rating" between 1 and 5),
	CONSTRAINT "endorsement_text_length" CHECK (char_length("endorsement"."text") <= 2000),
	CONSTRAINT "endorsement_private_note_length" CHECK ("endorsement"."private_note" is null or char_length("endorsement"."private_note") <= 2000),
	CONSTRAINT "endorsement_reply_length" CHECK ("endorsement"."reply" is null or char_length("endorsement"."reply") between 1 and 2000),
	CONSTRAINT "endorsement_reply_complete" CHECK (("endorsement"."reply" is null) = ("endorsement"."replied_at" is null))
);
--> statement-breakpoint
CREATE TABLE "endorsement_report" (
	"endorsement_id" text NOT NULL,
	"reporter_id" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "endorsement_report_endorsement_id_reporter_id_pk" PRIMARY KEY("endorsement_id","reporter_id"),
	CONSTRAINT "endorsement_report_reason_length" CHECK (char_length("endorsement_report"."reason") between 1 and 1000)
);
--> statement-breakpoint
CREATE TABLE "endorsement_skill" (
	"endorsement_id" text NOT NULL,
	"skill" text NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "endorsement_skill_endorsement_id_skill_pk" PRIMARY KEY("endorsement_id","skill"),
	CONSTRAINT "endorsement_skill_score_range" CHECK ("endorsement_skill"."score" between 1 and 5),
	CONSTRAINT "endorsement_skill_length" CHECK (char_length("endorsement_skill"."skill") between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "match_dismissal" (
	"user_id" text NOT NULL,
	"target_id" text NOT NULL,
	"reason" "dismissal_reason" DEFAULT 'not_relevant' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_dismissal_user_id_target_id_pk" PRIMARY KEY("user_id","target_id"),
	CONSTRAINT "match_dismissal_not_self" CHECK ("match_dismissal"."user_id" <> "match_dismissal"."target_id")
);
--> statement-breakpoint
ALTER TABLE "endorsement" ADD CONSTRAINT "endorsement_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement" ADD CONSTRAINT "endorsement_subject_id_users_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_report" ADD CONSTRAINT "endorsement_report_endorsement_id_endorsement_id_fk" FOREIGN KEY ("endorsement_id") REFERENCES "public"."endorsement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_report" ADD CONSTRAINT "endorsement_report_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "endorsement_skill" ADD CONSTRAINT "endorsement_skill_endorsement_id_endorsement_id_fk" FOREIGN KEY ("endorsement_id") REFERENCES "public"."endorsement"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_dismissal" ADD CONSTRAINT "match_dismissal_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_dismissal" ADD CONSTRAINT "match_dismissal_target_id_users_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "endorsement_once" ON "endorsement" USING btree ("author_id","subject_id","context_type","context_id");--> statement-breakpoint
CREATE INDEX "endorsement_subject_idx" ON "endorsement" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "endorsement_context_idx" ON "endorsement" USING btree ("context_type","context_id");--> statement-breakpoint
CREATE INDEX "match_dismissal_target_idx" ON "match_dismissal" USING btree ("target_id");