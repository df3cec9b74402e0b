CREATE TYPE "public"."profile_kind" AS ENUM('creator', 'diffuser');--> statement-breakpoint
CREATE TYPE "public"."session_type" AS ENUM('dm', 'group');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"image" text,
	"email_verified" timestamp with time zone,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email")),
	CONSTRAINT "users_email_length" CHECK (char_length("users"."email") between 3 and 254)
);
--> statement-breakpoint
CREATE TABLE "profile_tag" (
	"user_id" text NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "profile_tag_user_id_tag_id_pk" PRIMARY KEY("user_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"handle" text NOT NULL,
	"display_name" text NOT NULL,
	"kind" "profile_kind" NOT NULL,
	"headline" text DEFAULT '' NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"region" text DEFAULT '' NOT NULL,
	"open_to_collaboration" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_handle_format" CHECK ("profiles"."handle" ~ '^[a-z0-9_-]{3,30}$'),
	CONSTRAINT "profiles_display_name_length" CHECK (char_length("profiles"."display_name") between 1 and 80),
	CONSTRAINT "profiles_headline_length" CHECK (char_length("profiles"."headline") <= 140),
	CONSTRAINT "profiles_bio_length" CHECK (char_length("profiles"."bio") <= 4000),
	CONSTRAINT "profiles_region_length" CHECK (char_length("profiles"."region") <= 80),
	CONSTRAINT "profiles_skills_count" CHECK (coalesce(array_length("profiles"."skills", 1), 0) <= 30)
);
--> statement-breakpoint
CREATE TABLE "artwork_tag" (
	"artwork_id" text NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "artwork_tag_artwork_id_tag_id_pk" PRIMARY KEY("artwork_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "kreative_artwork" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"artist_id" text NOT NULL,
	"title" text NOT NULL,
	"media_file" text NOT NULL,
	"media_type" text NOT NULL,
	"style" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kreative_artwork_title_length" CHECK (char_length("kreative_artwork"."title") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "tag" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "tag_name_format" CHECK (char_length("tag"."name") between 1 and 40 and "tag"."name" = lower("tag"."name"))
);
--> statement-breakpoint
CREATE TABLE "collab_participant" (
	"session_id" text NOT NULL,
	"user_id" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collab_participant_session_id_user_id_pk" PRIMARY KEY("session_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "collab_session" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"name" text NOT NULL,
	"host_id" text NOT NULL,
	"session_type" "session_type" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"final_artwork_id" text,
	CONSTRAINT "collab_session_name_length" CHECK (char_length("collab_session"."name") between 1 and 120),
	CONSTRAINT "collab_session_ended_after_start" CHECK ("collab_session"."ended_at" is null or "collab_session"."ended_at" >= "collab_session"."started_at")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_tag" ADD CONSTRAINT "profile_tag_user_id_profiles_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."profiles"("user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_tag" ADD CONSTRAINT "profile_tag_tag_id_tag_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artwork_tag" ADD CONSTRAINT "artwork_tag_artwork_id_kreative_artwork_id_fk" FOREIGN KEY ("artwork_id") REFERENCES "public"."kreative_artwork"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "artwork_tag" ADD CONSTRAINT "artwork_tag_tag_id_tag_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."tag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kreative_artwork" ADD CONSTRAINT "kreative_artwork_artist_id_users_id_fk" FOREIGN KEY ("artist_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_participant" ADD CONSTRAINT "collab_participant_session_id_collab_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."collab_session"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_participant" ADD CONSTRAINT "collab_participant_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_session" ADD CONSTRAINT "collab_session_host_id_users_id_fk" FOREIGN KEY ("host_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collab_session" ADD CONSTRAINT "collab_session_final_artwork_id_kreative_artwork_id_fk" FOREIGN KEY ("final_artwork_id") REFERENCES "public"."kreative_artwork"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_idx" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_unique" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "profile_tag_tag_idx" ON "profile_tag" USING btree ("tag_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_handle_unique" ON "profiles" USING btree (lower("handle"));--> statement-breakpoint
CREATE INDEX "profiles_skills_idx" ON "profiles" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "artwork_tag_tag_idx" ON "artwork_tag" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "kreative_artwork_artist_idx" ON "kreative_artwork" USING btree ("artist_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "tag_name_unique" ON "tag" USING btree ("name");--> statement-breakpoint
CREATE INDEX "collab_participant_user_idx" ON "collab_participant" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "collab_session_host_idx" ON "collab_session" USING btree ("host_id");