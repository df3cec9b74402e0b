CREATE TYPE "public"."opportunity_kind" AS ENUM('residency', 'exhibition', 'open_call', 'job');--> statement-breakpoint
CREATE TABLE "calendar_feed_token" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feed_token_format" CHECK ("calendar_feed_token"."token" ~ '^[A-Za-z0-9_-]{32,64}$')
);
--> statement-breakpoint
CREATE TABLE "opportunity" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"kind" "opportunity_kind" NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"location" text,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"deadline" timestamp with time zone,
	"paid" boolean DEFAULT false NOT NULL,
	"compensation_amount" numeric(12, 2),
	"compensation_currency" char(3),
	"entry_fee_amount" numeric(12, 2),
	"entry_fee_currency" char(3),
	"url" text,
	"status" text DEFAULT 'open' NOT NULL,
	"filled_at" timestamp with time zone,
	"search_document" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', search_document || ' ' || description)) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_status_values" CHECK ("opportunity"."status" in ('open', 'closed', 'filled')),
	CONSTRAINT "opportunity_filled_at" CHECK (("opportunity"."status" = 'filled') = ("opportunity"."filled_at" is not null)),
	CONSTRAINT "opportunity_dates_in_order" CHECK ("opportunity"."starts_at" is null or "opportunity"."ends_at" is null or "opportunity"."ends_at" >= "opportunity"."starts_at"),
	CONSTRAINT "opportunity_title_length" CHECK (char_length("opportunity"."title") between 1 and 200),
	CONSTRAINT "opportunity_description_length" CHECK (char_length("opportunity"."description") <= 20000),
	CONSTRAINT "opportunity_region_length" CHECK (char_length("opportunity"."region") <= 80),
	CONSTRAINT "opportunity_location_length" CHECK (char_length("opportunity"."location") <= 200),
	CONSTRAINT "opportunity_url_length" CHECK (char_length("opportunity"."url") <= 2000),
	CONSTRAINT "opportunity_compensation_amount" CHECK ("opportunity"."compensation_amount" is null or ("opportunity"."compensation_amount" >= 0 and "opportunity"."paid")),
	CONSTRAINT "opportunity_compensation_currency" CHECK (("opportunity"."compensation_amount" is null) = ("opportunity"."compensation_currency" is null) and ("opportunity"."compensation_currency" is null or "opportunity"."compensation_currency" ~ '^[A-Z]{3}$')),
	CONSTRAINT "opportunity_entry_fee_amount" CHECK ("opportunity"."entry_fee_amount" is null or "opportunity"."entry_fee_amount" >= 0),
	CONSTRAINT "opportunity_entry_fee_currency" CHECK (("opportunity"."entry_fee_amount" is null) = ("opportunity"."entry_fee_currency" is null) and ("opportunity"."entry_fee_currency" is null or "opportunity"."entry_fee_currency" ~ '^[A-Z]{3}$'))
);
--> statement-breakpoint
CREATE TABLE "opportunity_application" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"opportunity_id" text NOT NULL,
	"applicant_id" text NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_application_message_length" CHECK (char_length("opportunity_application"."message") <= 4000)
);
--> statement-breakpoint
CREATE TABLE "opportunity_application_artwork" (
	"application_id" text NOT NULL,
	"artwork_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "opportunity_application_artwork_application_id_artwork_id_pk" PRIMARY KEY("application_id","artwork_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_attachment" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"opportunity_id" text NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"file" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_attachment_type" CHECK ("opportunity_attachment"."content_type" in ('application/pdf', 'image/png', 'image/jpeg')),
	CONSTRAINT "opportunity_attachment_size" CHECK ("opportunity_attachment"."size" between 1 and 10485760),
	CONSTRAINT "opportunity_attachment_filename_length" CHECK (char_length("opportunity_attachment"."filename") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "opportunity_save" (
	"user_id" text NOT NULL,
	"opportunity_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_save_user_id_opportunity_id_pk" PRIMARY KEY("user_id","opportunity_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_selection" (
	"opportunity_id" text NOT NULL,
	"selected_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"concluded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_selection_opportunity_id_selected_id_pk" PRIMARY KEY("opportunity_id","selected_id"),
	CONSTRAINT "opportunity_selection_not_owner" CHECK ("opportunity_selection"."selected_id" <> "opportunity_selection"."owner_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_tag" (
	"opportunity_id" text NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "opportunity_tag_opportunity_id_tag_id_pk" PRIMARY KEY("opportunity_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_term" (
	"term" text NOT NULL,
	CONSTRAINT "opportunity_term_length" CHECK (char_length("opportunity_term"."term") between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "calendar_feed_token" ADD CONSTRAINT "calendar_feed_token_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity" ADD CONSTRAINT "opportunity_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application" ADD CONSTRAINT "opportunity_application_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application_artwork" ADD CONSTRAINT "opportunity_application_artwork_application_id_opportunity_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."opportunity_application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application_artwork" ADD CONSTRAINT "opportunity_application_artwork_artwork_id_kreative_artwork_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."kreative_artwork"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_attachment" ADD CONSTRAINT "opportunity_attachment_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_save" ADD CONSTRAINT "opportunity_save_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_save" ADD CONSTRAINT "opportunity_save_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_selection" ADD CONSTRAINT "opportunity_selection_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_selection" ADD CONSTRAINT "opportunity_selection_selected_id_users_id_fk" FOREIGN KEY ("selected_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_selection" ADD CONSTRAINT "opportunity_selection_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_tag" ADD CONSTRAINT "opportunity_tag_opportunity_id_opportunity_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunity"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_tag" ADD CONSTRAINT "opportunity_tag_tag_id_tag_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feed_token_unique" ON "calendar_feed_token" USING btree ("token");--> statement-breakpoint
CREATE INDEX "opportunity_owner_idx" ON "opportunity" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_status_deadline_idx" ON "opportunity" USING btree ("status","deadline","id","starts_at","ends_at","created_at");--> statement-breakpoint
CREATE INDEX "opportunity_created_idx" ON "opportunity" USING btree ("created_at","id","status","deadline","starts_at","ends_at");--> statement-breakpoint
CREATE INDEX "opportunity_region_trgm_idx" ON "opportunity" USING gin ("region" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_dates_idx" ON "opportunity" USING gist (tstzrange("starts_at", "ends_at", '[]'));--> statement-breakpoint
CREATE INDEX "opportunity_search_vector_idx" ON "opportunity" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "opportunity_search_document_trgm_idx" ON "opportunity" USING gin ("search_document" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_application_once" ON "opportunity_application" USING btree ("opportunity_id","applicant_id");--> statement-breakpoint
CREATE INDEX "opportunity_application_applicant_idx" ON "opportunity_application" USING btree ("applicant_id");--> statement-breakpoint
CREATE INDEX "opportunity_application_artwork_artwork_idx" ON "opportunity_application_artwork" USING btree ("artwork_id");--> statement-breakpoint
CREATE INDEX "opportunity_attachment_opportunity_idx" ON "opportunity_attachment" USING btree ("opportunity_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_attachment_file_unique" ON "opportunity_attachment" USING btree ("file");--> statement-breakpoint
CREATE INDEX "opportunity_save_opportunity_idx" ON "opportunity_save" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "opportunity_selection_selected_idx" ON "opportunity_selection" USING btree ("selected_id");--> statement-breakpoint
CREATE INDEX "opportunity_selection_owner_idx" ON "opportunity_selection" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "opportunity_tag_tag_idx" ON "opportunity_tag" USING btree ("tag_id","opportunity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_term_unique" ON "opportunity_term" USING btree (("term" collate "C"));