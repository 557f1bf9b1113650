CREATE TABLE "audit_heads" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"tenant_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"api_key_id" uuid,
	"ip" text,
	"user_agent" text,
	"action" text NOT NULL,
	"object" text NOT NULL,
	"record_id" uuid NOT NULL,
	"changes" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_log_tenant_id_seq_pk" PRIMARY KEY("tenant_id","seq")
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"object" text NOT NULL,
	"record_id" uuid,
	"actor_id" uuid,
	"payload" jsonb NOT NULL,
	"occurred_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"dispatched_at" timestamp (3) with time zone,
	CONSTRAINT "outbox_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "job_schedules" (
	"name" text PRIMARY KEY NOT NULL,
	"cron" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"next_run_at" timestamp (3) with time zone NOT NULL,
	"last_run_at" timestamp (3) with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"tenant_id" uuid,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"priority" integer DEFAULT 0 NOT NULL,
	"run_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" text,
	"locked_until" timestamp (3) with time zone,
	"last_error" text,
	"unique_key" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"object" text,
	"record_id" uuid,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp (3) with time zone,
	CONSTRAINT "notifications_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_used_at" timestamp (3) with time zone,
	"revoked_at" timestamp (3) with time zone,
	CONSTRAINT "api_keys_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer,
	"response" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "login_emails" (
	"email" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "roles" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"permissions" jsonb NOT NULL,
	CONSTRAINT "roles_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"tenant_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "sessions_tenant_id_token_hash_pk" PRIMARY KEY("tenant_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"path" text NOT NULL,
	CONSTRAINT "teams_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"currency" text DEFAULT 'CNY' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"fiscal_year_start_month" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role_id" uuid NOT NULL,
	"team_id" uuid,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "users_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"webhook_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"response_snippet" text,
	"next_attempt_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp (3) with time zone,
	CONSTRAINT "webhook_deliveries_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"url" text NOT NULL,
	"events" text[] NOT NULL,
	"secret" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"description" text,
	"created_by" uuid,
	CONSTRAINT "webhooks_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "forecast_adjustments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"subject_id" uuid NOT NULL,
	"period_key" text NOT NULL,
	"category" text NOT NULL,
	"currency" char(3) NOT NULL,
	"original_amount" numeric(20, 2) NOT NULL,
	"adjusted_amount" numeric(20, 2) NOT NULL,
	"note" text NOT NULL,
	"adjusted_by_id" uuid NOT NULL,
	CONSTRAINT "forecast_adjustments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "forecast_snapshot_rows" (
	"tenant_id" uuid NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"currency" char(3) NOT NULL,
	"pipeline" numeric(20, 2) NOT NULL,
	"best_case" numeric(20, 2) NOT NULL,
	"commit" numeric(20, 2) NOT NULL,
	"closed" numeric(20, 2) NOT NULL,
	"weighted" numeric(20, 2) NOT NULL,
	"adjusted_call" numeric(20, 2),
	CONSTRAINT "forecast_snapshot_rows_tenant_id_snapshot_id_owner_id_currency_pk" PRIMARY KEY("tenant_id","snapshot_id","owner_id","currency")
);
--> statement-breakpoint
CREATE TABLE "forecast_snapshots" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"taken_at" timestamp (3) with time zone NOT NULL,
	"day" date NOT NULL,
	"period_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	CONSTRAINT "forecast_snapshots_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "history_import_keys" (
	"tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"external_key" text NOT NULL,
	"record_id" uuid NOT NULL,
	"imported_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "history_import_keys_tenant_id_kind_external_key_pk" PRIMARY KEY("tenant_id","kind","external_key")
);
--> statement-breakpoint
CREATE TABLE "sales_targets" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"period_key" text NOT NULL,
	"period_type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"metric" text DEFAULT 'revenue' NOT NULL,
	"amount" numeric(20, 2),
	"currency" char(3),
	"quantity" integer,
	"note" text,
	CONSTRAINT "sales_targets_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "sales_targets_measure_ck" CHECK (CASE WHEN "sales_targets"."metric" = 'revenue' THEN "sales_targets"."amount" IS NOT NULL AND "sales_targets"."currency" IS NOT NULL ELSE "sales_targets"."quantity" IS NOT NULL END)
);
--> statement-breakpoint
CREATE TABLE "assignment_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"capacity" integer,
	"weight" integer DEFAULT 1 NOT NULL,
	"absent_from" timestamp (3) with time zone,
	"absent_to" timestamp (3) with time zone,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "assignment_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_pointers" (
	"tenant_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"last_user_id" uuid,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_pointers_tenant_id_team_id_pk" PRIMARY KEY("tenant_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "assignment_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"team_id" uuid,
	"strategy" text DEFAULT 'round_robin' NOT NULL,
	CONSTRAINT "assignment_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"first_response_sla_minutes" integer DEFAULT 240 NOT NULL,
	"reminder_percent" integer DEFAULT 75 NOT NULL,
	"escalate_to_manager" boolean DEFAULT true NOT NULL,
	"mql_definition" text,
	"sql_definition" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_costs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"campaign_id" uuid NOT NULL,
	"incurred_on" date NOT NULL,
	"category" text NOT NULL,
	"amount" numeric(20, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"note" text,
	CONSTRAINT "campaign_costs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaign_members" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"campaign_id" uuid NOT NULL,
	"lead_id" uuid,
	"contact_id" uuid,
	"status" text NOT NULL,
	"status_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"invited_at" timestamp (3) with time zone,
	"registered_at" timestamp (3) with time zone,
	"attended_at" timestamp (3) with time zone,
	"responded_at" timestamp (3) with time zone,
	"source" text DEFAULT 'manual' NOT NULL,
	CONSTRAINT "campaign_members_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "campaign_members_one_person_ck" CHECK (("campaign_members"."lead_id" IS NULL) <> ("campaign_members"."contact_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "campaign_responses" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"submission_key" text,
	"lead_id" uuid,
	"lead_created" boolean DEFAULT false NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"consent_text" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_responses_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"description" text,
	"budget" numeric(20, 2),
	"budget_currency" char(3),
	"goal_leads" integer,
	"goal_mqls" integer,
	"goal_pipeline" numeric(20, 2),
	"goal_pipeline_currency" char(3),
	"form_key" text NOT NULL,
	"form" jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "campaigns_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "product_lines" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"code" text,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "product_lines_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"product_line_id" uuid,
	"list_price" numeric(20, 2),
	"list_price_currency" char(3),
	"unit" text,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "products_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"industry" text,
	"registered_capital" numeric(20, 2),
	"registered_capital_currency" char(3),
	"headcount" integer,
	"province" text,
	"city" text,
	"region" text,
	"address" text,
	"website" text,
	"phone" text,
	"parent_account_id" uuid,
	"segment" text,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "accounts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"type" text NOT NULL,
	"subject" text NOT NULL,
	"account_id" uuid,
	"contact_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"opportunity_id" uuid,
	"lead_id" uuid,
	"start_at" timestamp (3) with time zone,
	"end_at" timestamp (3) with time zone,
	"due_at" timestamp (3) with time zone,
	"remind_at" timestamp (3) with time zone,
	"status" text DEFAULT 'planned' NOT NULL,
	"outcome" text,
	"next_step" text,
	"check_in" jsonb,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "activities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"account_id" uuid,
	"name" text NOT NULL,
	"title" text,
	"department" text,
	"phones" text[] DEFAULT '{}'::text[] NOT NULL,
	"email" text,
	"wechat" text,
	"reports_to_id" uuid,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "contacts_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"object" text NOT NULL,
	"record_id" uuid NOT NULL,
	"body" text NOT NULL,
	"owner_id" uuid NOT NULL,
	CONSTRAINT "notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "dedup_index_state" (
	"tenant_id" uuid NOT NULL,
	"object" text NOT NULL,
	"record_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"signature" text NOT NULL,
	"indexed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dedup_index_state_tenant_id_object_record_id_pk" PRIMARY KEY("tenant_id","object","record_id")
);
--> statement-breakpoint
CREATE TABLE "dedup_keys" (
	"tenant_id" uuid NOT NULL,
	"key" text NOT NULL,
	"object" text NOT NULL,
	"record_id" uuid NOT NULL,
	CONSTRAINT "dedup_keys_tenant_id_key_object_record_id_pk" PRIMARY KEY("tenant_id","key","object","record_id")
);
--> statement-breakpoint
CREATE TABLE "dedup_pairs" (
	"tenant_id" uuid NOT NULL,
	"object" text NOT NULL,
	"record_a" uuid NOT NULL,
	"record_b" uuid NOT NULL,
	"score" real NOT NULL,
	"level" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"scored_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dedup_pairs_tenant_id_object_record_a_record_b_pk" PRIMARY KEY("tenant_id","object","record_a","record_b")
);
--> statement-breakpoint
CREATE TABLE "registry_companies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"core_name" text NOT NULL,
	"name_location" text,
	"credit_code" text,
	"registered_on" date,
	"company_type" text,
	"registered_capital" numeric(20, 2),
	"registered_capital_currency" char(3),
	"business_scope" text,
	"industry" text,
	"headcount" integer,
	"province" text,
	"district" text,
	"city" text,
	"region" text,
	"address" text,
	"source" text,
	CONSTRAINT "registry_companies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_files_tenant_id_import_id_seq_pk" PRIMARY KEY("tenant_id","import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"object" text NOT NULL,
	"signature" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "import_mappings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "import_rejects" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"cells" jsonb NOT NULL,
	"errors" jsonb NOT NULL,
	CONSTRAINT "import_rejects_tenant_id_import_id_row_number_pk" PRIMARY KEY("tenant_id","import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"object" text NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"file_name" text NOT NULL,
	"file_size" integer DEFAULT 0 NOT NULL,
	"format" text,
	"encoding" text,
	"delimiter" text,
	"header_row" integer,
	"columns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"preview" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"header_signature" text,
	"suggested_mapping" jsonb,
	"mapping_source" text,
	"mapping" jsonb,
	"duplicate_policy" text DEFAULT 'skip' NOT NULL,
	"campaign_id" uuid,
	"total_rows" integer,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created_count" integer DEFAULT 0 NOT NULL,
	"merged_count" integer DEFAULT 0 NOT NULL,
	"skipped_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"failure_code" text,
	"failure_params" jsonb,
	"owner_id" uuid,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	CONSTRAINT "imports_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_status_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_status_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_touches" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"campaign_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "lead_touches_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "leads" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"company" text,
	"title" text,
	"email" text,
	"phone" text,
	"credit_code" text,
	"industry" text,
	"headcount" integer,
	"registered_capital" numeric(20, 2),
	"registered_capital_currency" char(3),
	"province" text,
	"city" text,
	"region" text,
	"address" text,
	"website" text,
	"product_interest" text,
	"source" text,
	"campaign_id" uuid,
	"description" text,
	"status" text DEFAULT 'new' NOT NULL,
	"status_changed_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"became_mql_at" timestamp (3) with time zone,
	"became_sql_at" timestamp (3) with time zone,
	"in_routing_queue" boolean DEFAULT false NOT NULL,
	"last_reason" text,
	"score" integer,
	"grade" char(1),
	"fit_score" integer,
	"engagement_score" integer,
	"predicted_score" integer,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"field_sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid,
	"team_id" uuid,
	"assigned_at" timestamp (3) with time zone,
	"converted_account_id" uuid,
	"converted_contact_id" uuid,
	"converted_opportunity_id" uuid,
	"converted_at" timestamp (3) with time zone,
	CONSTRAINT "leads_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"email" text NOT NULL,
	"reason" text NOT NULL,
	"lead_id" uuid,
	"details" text,
	"created_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_suppressions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"description" text,
	"created_by" uuid,
	CONSTRAINT "email_templates_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nurture_engagements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"message_id" uuid,
	"enrollment_id" uuid,
	"program_id" uuid,
	"url" text,
	"page_view_id" text,
	"dwell_seconds" integer,
	"title" text,
	"referrer" text,
	"user_agent" text,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nurture_engagements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nurture_enrollments" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"program_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"current_step" integer DEFAULT 0 NOT NULL,
	"tick" integer DEFAULT 0 NOT NULL,
	"next_run_at" timestamp (3) with time zone,
	"last_step_at" timestamp (3) with time zone,
	"source" text NOT NULL,
	"enrolled_by" uuid,
	"ended_at" timestamp (3) with time zone,
	"exit_reason" text,
	CONSTRAINT "nurture_enrollments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nurture_messages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"enrollment_id" uuid,
	"program_id" uuid,
	"step_index" integer,
	"template_id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_html" text NOT NULL,
	"body_text" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"smtp_message_id" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"sent_at" timestamp (3) with time zone,
	"opened_at" timestamp (3) with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"clicked_at" timestamp (3) with time zone,
	"click_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nurture_messages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nurture_programs" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"enrollment_rule" jsonb,
	"created_by" uuid,
	CONSTRAINT "nurture_programs_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "nurture_settings" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"smtp_host" text,
	"smtp_port" integer DEFAULT 587 NOT NULL,
	"smtp_secure" boolean DEFAULT false NOT NULL,
	"smtp_user" text,
	"smtp_password_enc" text,
	"from_name" text,
	"from_address" text,
	"reply_to" text,
	"public_base_url" text,
	"warm_min_score" integer DEFAULT 50 NOT NULL,
	"cold_inactive_days" integer DEFAULT 90 NOT NULL,
	CONSTRAINT "nurture_settings_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "loss_reasons" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"key" text NOT NULL,
	"labels" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "loss_reasons_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"account_id" uuid NOT NULL,
	"process_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"currency" char(3) NOT NULL,
	"amount" numeric(20, 2),
	"close_date" date NOT NULL,
	"stage_probability" smallint NOT NULL,
	"probability_override" smallint,
	"probability_override_reason" text,
	"probability" smallint NOT NULL,
	"stage_forecast_category" text NOT NULL,
	"forecast_category_override" text,
	"forecast_category" text NOT NULL,
	"bant" jsonb NOT NULL,
	"bant_missing" text[] DEFAULT '{}'::text[] NOT NULL,
	"qualified" boolean DEFAULT false NOT NULL,
	"contact_roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"competitors" text[] DEFAULT '{}'::text[] NOT NULL,
	"next_step" text,
	"description" text,
	"checklist" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" uuid NOT NULL,
	"team_id" uuid,
	"lead_id" uuid,
	"stage_entered_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp (3) with time zone,
	"loss_reason" text,
	"close_competitor" text,
	"close_note" text,
	CONSTRAINT "opportunities_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_documents" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"url" text,
	"created_by_id" uuid,
	CONSTRAINT "opportunity_documents_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_line_items" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"product_id" uuid NOT NULL,
	"product_name" text NOT NULL,
	"product_code" text,
	"product_line_id" uuid,
	"quantity" numeric(14, 3) NOT NULL,
	"unit_price" numeric(20, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"line_total" numeric(20, 2) NOT NULL,
	"description" text,
	CONSTRAINT "opportunity_line_items_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"bant_mode" text DEFAULT 'lenient' NOT NULL,
	"bant_required" text[] DEFAULT '{budget,authority,need,timeline}'::text[] NOT NULL,
	"seeded_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_stage_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_stage_id" uuid,
	"from_stage_name" text,
	"to_stage_id" uuid NOT NULL,
	"to_stage_name" text NOT NULL,
	"status" text NOT NULL,
	"probability" smallint NOT NULL,
	"override_reason" text,
	"overridden_missing" jsonb,
	"actor_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunity_stage_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "opportunity_stakeholders" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"role" text NOT NULL,
	"level" text,
	"reports_to_id" uuid,
	"attitude" text DEFAULT 'neutral' NOT NULL,
	"influence" smallint DEFAULT 3 NOT NULL,
	"relationship_owner_id" uuid,
	"last_contact_at" timestamp (3) with time zone,
	"notes" text,
	CONSTRAINT "opportunity_stakeholders_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_processes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"business_line" text,
	"description" text,
	"template_key" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"allow_manager_override" boolean DEFAULT true NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "sales_processes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "sales_stages" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"process_id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"order" integer NOT NULL,
	"probability" smallint NOT NULL,
	"forecast_category" text NOT NULL,
	"is_won" boolean DEFAULT false NOT NULL,
	"is_lost" boolean DEFAULT false NOT NULL,
	"exit_criteria" jsonb NOT NULL,
	CONSTRAINT "sales_stages_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_actions" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"description" text NOT NULL,
	"visitor_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"due_at" timestamp (3) with time zone,
	"done" boolean DEFAULT false NOT NULL,
	"done_at" timestamp (3) with time zone,
	CONSTRAINT "stakeholder_actions_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "stakeholder_attitude_history" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"stakeholder_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"from_attitude" text,
	"to_attitude" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stakeholder_attitude_history_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "predictive_models" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"trigger" text NOT NULL,
	"requested_by" uuid,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone,
	"training_rows" integer,
	"positives" integer,
	"negatives" integer,
	"test_rows" integer,
	"test_positives" integer,
	"test_auc" double precision,
	"model" jsonb,
	"top_factors" jsonb,
	"feature_spec" jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error_code" text,
	"error_params" jsonb,
	CONSTRAINT "predictive_models_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "engagement_events" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"lead_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_id" text,
	"recorded_by" uuid,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_events_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "scoring_rescore_requests" (
	"tenant_id" uuid NOT NULL,
	"target" text NOT NULL,
	"requested_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_rescore_requests_tenant_id_target_pk" PRIMARY KEY("tenant_id","target")
);
--> statement-breakpoint
CREATE TABLE "scoring_rules" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"field" text,
	"event_kind" text,
	"operator" text,
	"value" jsonb,
	"points" integer NOT NULL,
	"cap" integer,
	"half_life_days" double precision,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "scoring_rules_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "scoring_settings" (
	"tenant_id" uuid PRIMARY KEY NOT NULL,
	"grade_a" integer NOT NULL,
	"grade_b" integer NOT NULL,
	"grade_c" integer NOT NULL,
	"mql_threshold" integer NOT NULL,
	"engagement_window_days" integer NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_tenant_id_parent_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_role_id_roles_tenant_id_id_fk" FOREIGN KEY ("tenant_id","role_id") REFERENCES "public"."roles"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_tenant_id_webhook_id_webhooks_tenant_id_id_fk" FOREIGN KEY ("tenant_id","webhook_id") REFERENCES "public"."webhooks"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_tenant_id_created_by_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","created_by") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_adjustments" ADD CONSTRAINT "forecast_adjustments_tenant_id_subject_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","subject_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_adjustments" ADD CONSTRAINT "forecast_adjustments_tenant_id_adjusted_by_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","adjusted_by_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_snapshot_rows" ADD CONSTRAINT "forecast_snapshot_rows_tenant_id_snapshot_id_forecast_snapshots_tenant_id_id_fk" FOREIGN KEY ("tenant_id","snapshot_id") REFERENCES "public"."forecast_snapshots"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_snapshot_rows" ADD CONSTRAINT "forecast_snapshot_rows_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_targets" ADD CONSTRAINT "sales_targets_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_members" ADD CONSTRAINT "assignment_members_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_members" ADD CONSTRAINT "assignment_members_tenant_id_user_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","user_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_pointers" ADD CONSTRAINT "assignment_pointers_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_rules" ADD CONSTRAINT "assignment_rules_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_costs" ADD CONSTRAINT "campaign_costs_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_members" ADD CONSTRAINT "campaign_members_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_responses" ADD CONSTRAINT "campaign_responses_tenant_id_campaign_id_campaigns_tenant_id_id_fk" FOREIGN KEY ("tenant_id","campaign_id") REFERENCES "public"."campaigns"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_tenant_id_product_line_id_product_lines_tenant_id_id_fk" FOREIGN KEY ("tenant_id","product_line_id") REFERENCES "public"."product_lines"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_tenant_id_parent_account_id_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","parent_account_id") REFERENCES "public"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_tenant_id_account_id_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_account_id_accounts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","account_id") REFERENCES "public"."accounts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_tenant_id_reports_to_id_contacts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reports_to_id") REFERENCES "public"."contacts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_tenant_id_import_id_imports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."imports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_rejects" ADD CONSTRAINT "import_rejects_tenant_id_import_id_imports_tenant_id_id_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."imports"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_status_history" ADD CONSTRAINT "lead_status_history_tenant_id_lead_id_leads_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_touches" ADD CONSTRAINT "lead_touches_tenant_id_lead_id_leads_tenant_id_id_fk" FOREIGN KEY ("tenant_id","lead_id") REFERENCES "public"."leads"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leads" ADD CONSTRAINT "leads_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nurture_enrollments" ADD CONSTRAINT "nurture_enrollments_tenant_id_program_id_nurture_programs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."nurture_programs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_team_id_teams_tenant_id_id_fk" FOREIGN KEY ("tenant_id","team_id") REFERENCES "public"."teams"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_process_id_sales_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_tenant_id_stage_id_sales_stages_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stage_id") REFERENCES "public"."sales_stages"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_documents" ADD CONSTRAINT "opportunity_documents_tenant_id_opportunity_id_opportunities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_line_items" ADD CONSTRAINT "opportunity_line_items_tenant_id_opportunity_id_opportunities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stage_history" ADD CONSTRAINT "opportunity_stage_history_tenant_id_opportunity_id_opportunities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stakeholders" ADD CONSTRAINT "opportunity_stakeholders_tenant_id_opportunity_id_opportunities_tenant_id_id_fk" FOREIGN KEY ("tenant_id","opportunity_id") REFERENCES "public"."opportunities"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stakeholders" ADD CONSTRAINT "opportunity_stakeholders_tenant_id_reports_to_id_opportunity_stakeholders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","reports_to_id") REFERENCES "public"."opportunity_stakeholders"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_stakeholders" ADD CONSTRAINT "opportunity_stakeholders_tenant_id_relationship_owner_id_users_tenant_id_id_fk" FOREIGN KEY ("tenant_id","relationship_owner_id") REFERENCES "public"."users"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_stages" ADD CONSTRAINT "sales_stages_tenant_id_process_id_sales_processes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","process_id") REFERENCES "public"."sales_processes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_actions" ADD CONSTRAINT "stakeholder_actions_tenant_id_stakeholder_id_opportunity_stakeholders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stakeholder_id") REFERENCES "public"."opportunity_stakeholders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stakeholder_attitude_history" ADD CONSTRAINT "stakeholder_attitude_history_tenant_id_stakeholder_id_opportunity_stakeholders_tenant_id_id_fk" FOREIGN KEY ("tenant_id","stakeholder_id") REFERENCES "public"."opportunity_stakeholders"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_record_idx" ON "audit_log" USING btree ("tenant_id","record_id","seq");--> statement-breakpoint
CREATE INDEX "outbox_events_undispatched_idx" ON "outbox_events" USING btree ("id") WHERE dispatched_at IS NULL;--> statement-breakpoint
CREATE INDEX "outbox_events_dispatched_idx" ON "outbox_events" USING btree ("dispatched_at") WHERE dispatched_at IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_unique_key_uq" ON "jobs" USING btree ("unique_key") WHERE unique_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("priority" DESC NULLS FIRST,"run_at") WHERE status IN ('queued', 'failed');--> statement-breakpoint
CREATE INDEX "jobs_lease_idx" ON "jobs" USING btree ("locked_until") WHERE status = 'running';--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at") WHERE status = 'succeeded';--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("tenant_id","user_id") WHERE read_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_hash_uq" ON "api_keys" USING btree ("tenant_id","key_hash");--> statement-breakpoint
CREATE INDEX "idempotency_keys_created_idx" ON "idempotency_keys" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "roles_key_uq" ON "roles" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "teams_path_idx" ON "teams" USING btree ("tenant_id","path");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_uq" ON "webhook_deliveries" USING btree ("tenant_id","webhook_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_list_idx" ON "webhook_deliveries" USING btree ("tenant_id","webhook_id","id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "forecast_adjustments_subject_idx" ON "forecast_adjustments" USING btree ("tenant_id","period_key","subject_id","category","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_snapshots_day_uq" ON "forecast_snapshots" USING btree ("tenant_id","period_key","day");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_targets_owner_uq" ON "sales_targets" USING btree ("tenant_id","owner_id","period_key","metric",coalesce("currency", '')) WHERE owner_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "sales_targets_team_uq" ON "sales_targets" USING btree ("tenant_id","team_id","period_key","metric",coalesce("currency", '')) WHERE team_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sales_targets_period_idx" ON "sales_targets" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "assignment_members_team_user_uq" ON "assignment_members" USING btree ("tenant_id","team_id","user_id");--> statement-breakpoint
CREATE INDEX "assignment_rules_position_idx" ON "assignment_rules" USING btree ("tenant_id","position");--> statement-breakpoint
CREATE INDEX "campaign_costs_campaign_idx" ON "campaign_costs" USING btree ("tenant_id","campaign_id","incurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_members_lead_uq" ON "campaign_members" USING btree ("tenant_id","campaign_id","lead_id") WHERE lead_id IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_members_contact_uq" ON "campaign_members" USING btree ("tenant_id","campaign_id","contact_id") WHERE contact_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_members_status_idx" ON "campaign_members" USING btree ("tenant_id","campaign_id","status");--> statement-breakpoint
CREATE INDEX "campaign_members_lead_idx" ON "campaign_members" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_responses_submission_uq" ON "campaign_responses" USING btree ("tenant_id","campaign_id","submission_key") WHERE submission_key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "campaign_responses_campaign_idx" ON "campaign_responses" USING btree ("tenant_id","campaign_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_form_key_uq" ON "campaigns" USING btree ("tenant_id","form_key");--> statement-breakpoint
CREATE INDEX "campaigns_status_idx" ON "campaigns" USING btree ("tenant_id","status","start_date");--> statement-breakpoint
CREATE INDEX "campaigns_owner_idx" ON "campaigns" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "campaigns_start_idx" ON "campaigns" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE INDEX "campaigns_name_trgm_idx" ON "campaigns" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "product_lines_name_uq" ON "product_lines" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "products_code_uq" ON "products" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE INDEX "products_line_idx" ON "products" USING btree ("tenant_id","product_line_id");--> statement-breakpoint
CREATE INDEX "products_name_idx" ON "products" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "accounts_segment_idx" ON "accounts" USING btree ("tenant_id","segment");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_credit_code_uq" ON "accounts" USING btree ("tenant_id","credit_code") WHERE credit_code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "accounts_owner_idx" ON "accounts" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "accounts_name_idx" ON "accounts" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "accounts_created_idx" ON "accounts" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "accounts_name_trgm_idx" ON "accounts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "activities_account_idx" ON "activities" USING btree ("tenant_id","account_id","start_at");--> statement-breakpoint
CREATE INDEX "activities_owner_idx" ON "activities" USING btree ("tenant_id","owner_id","start_at");--> statement-breakpoint
CREATE INDEX "activities_opportunity_idx" ON "activities" USING btree ("tenant_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "activities_lead_idx" ON "activities" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "activities_due_idx" ON "activities" USING btree ("tenant_id","status","due_at");--> statement-breakpoint
CREATE INDEX "contacts_account_idx" ON "contacts" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "contacts_owner_idx" ON "contacts" USING btree ("tenant_id","owner_id");--> statement-breakpoint
CREATE INDEX "contacts_email_idx" ON "contacts" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "contacts_name_trgm_idx" ON "contacts" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "notes_record_idx" ON "notes" USING btree ("tenant_id","object","record_id");--> statement-breakpoint
CREATE INDEX "dedup_index_state_indexed_idx" ON "dedup_index_state" USING btree ("tenant_id","object","indexed_at");--> statement-breakpoint
CREATE INDEX "dedup_keys_record_idx" ON "dedup_keys" USING btree ("tenant_id","object","record_id");--> statement-breakpoint
CREATE INDEX "dedup_pairs_b_idx" ON "dedup_pairs" USING btree ("tenant_id","object","record_b");--> statement-breakpoint
CREATE INDEX "dedup_pairs_level_idx" ON "dedup_pairs" USING btree ("tenant_id","object","level","score");--> statement-breakpoint
CREATE UNIQUE INDEX "registry_companies_credit_code_uq" ON "registry_companies" USING btree ("tenant_id","credit_code") WHERE credit_code IS NOT NULL;--> statement-breakpoint
CREATE INDEX "registry_companies_core_idx" ON "registry_companies" USING btree ("tenant_id","core_name");--> statement-breakpoint
CREATE INDEX "registry_companies_core_trgm_idx" ON "registry_companies" USING gin ("core_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "registry_companies_name_idx" ON "registry_companies" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_signature_uq" ON "import_mappings" USING btree ("tenant_id","object","signature");--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "imports_owner_idx" ON "imports" USING btree ("tenant_id","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "lead_status_history_lead_idx" ON "lead_status_history" USING btree ("tenant_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_status_history_at_idx" ON "lead_status_history" USING btree ("tenant_id","to_status","at");--> statement-breakpoint
CREATE INDEX "lead_touches_lead_idx" ON "lead_touches" USING btree ("tenant_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "lead_touches_campaign_idx" ON "lead_touches" USING btree ("tenant_id","campaign_id","at");--> statement-breakpoint
CREATE INDEX "leads_status_idx" ON "leads" USING btree ("tenant_id","status","created_at");--> statement-breakpoint
CREATE INDEX "leads_owner_idx" ON "leads" USING btree ("tenant_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "leads_created_idx" ON "leads" USING btree ("tenant_id","created_at","became_mql_at","became_sql_at");--> statement-breakpoint
CREATE INDEX "leads_email_idx" ON "leads" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "leads_phone_idx" ON "leads" USING btree ("tenant_id","phone");--> statement-breakpoint
CREATE INDEX "leads_credit_code_idx" ON "leads" USING btree ("tenant_id","credit_code");--> statement-breakpoint
CREATE INDEX "leads_campaign_idx" ON "leads" USING btree ("tenant_id","campaign_id");--> statement-breakpoint
CREATE INDEX "leads_company_trgm_idx" ON "leads" USING gin ("company" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "leads_name_trgm_idx" ON "leads" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "email_suppressions_email_uq" ON "email_suppressions" USING btree ("tenant_id","email");--> statement-breakpoint
CREATE INDEX "email_suppressions_created_idx" ON "email_suppressions" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "email_templates_name_idx" ON "email_templates" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "nurture_engagements_page_view_uq" ON "nurture_engagements" USING btree ("tenant_id","page_view_id") WHERE page_view_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "nurture_engagements_lead_idx" ON "nurture_engagements" USING btree ("tenant_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "nurture_engagements_enrollment_idx" ON "nurture_engagements" USING btree ("tenant_id","enrollment_id","kind","at");--> statement-breakpoint
CREATE UNIQUE INDEX "nurture_enrollments_active_uq" ON "nurture_enrollments" USING btree ("tenant_id","program_id","lead_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "nurture_enrollments_program_idx" ON "nurture_enrollments" USING btree ("tenant_id","program_id","status","id");--> statement-breakpoint
CREATE INDEX "nurture_enrollments_lead_idx" ON "nurture_enrollments" USING btree ("tenant_id","lead_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "nurture_messages_step_uq" ON "nurture_messages" USING btree ("tenant_id","enrollment_id","step_index");--> statement-breakpoint
CREATE INDEX "nurture_messages_lead_idx" ON "nurture_messages" USING btree ("tenant_id","lead_id","created_at");--> statement-breakpoint
CREATE INDEX "nurture_programs_status_idx" ON "nurture_programs" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "nurture_settings_tenant_uq" ON "nurture_settings" USING btree ("tenant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "loss_reasons_key_uq" ON "loss_reasons" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("tenant_id","owner_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_account_idx" ON "opportunities" USING btree ("tenant_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_stage_idx" ON "opportunities" USING btree ("tenant_id","stage_id","status");--> statement-breakpoint
CREATE INDEX "opportunities_close_date_idx" ON "opportunities" USING btree ("tenant_id","status","close_date");--> statement-breakpoint
CREATE INDEX "opportunities_closed_at_idx" ON "opportunities" USING btree ("tenant_id","status","closed_at");--> statement-breakpoint
CREATE INDEX "opportunities_created_idx" ON "opportunities" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "opportunities_lead_idx" ON "opportunities" USING btree ("tenant_id","lead_id");--> statement-breakpoint
CREATE INDEX "opportunities_name_trgm_idx" ON "opportunities" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "opportunity_documents_opp_idx" ON "opportunity_documents" USING btree ("tenant_id","opportunity_id");--> statement-breakpoint
CREATE INDEX "opportunity_line_items_opp_idx" ON "opportunity_line_items" USING btree ("tenant_id","opportunity_id","position");--> statement-breakpoint
CREATE INDEX "opportunity_line_items_product_line_idx" ON "opportunity_line_items" USING btree ("tenant_id","product_line_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_opp_idx" ON "opportunity_stage_history" USING btree ("tenant_id","opportunity_id","at","to_stage_id");--> statement-breakpoint
CREATE INDEX "opportunity_stage_history_stage_idx" ON "opportunity_stage_history" USING btree ("tenant_id","to_stage_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_stakeholders_contact_uq" ON "opportunity_stakeholders" USING btree ("tenant_id","opportunity_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_processes_name_uq" ON "sales_processes" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "sales_stages_process_idx" ON "sales_stages" USING btree ("tenant_id","process_id","order");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_stages_key_uq" ON "sales_stages" USING btree ("tenant_id","process_id","key") WHERE key IS NOT NULL;--> statement-breakpoint
CREATE INDEX "stakeholder_actions_opp_idx" ON "stakeholder_actions" USING btree ("tenant_id","opportunity_id","due_at");--> statement-breakpoint
CREATE INDEX "stakeholder_attitude_history_idx" ON "stakeholder_attitude_history" USING btree ("tenant_id","stakeholder_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "predictive_models_number_uq" ON "predictive_models" USING btree ("tenant_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "predictive_models_active_uq" ON "predictive_models" USING btree ("tenant_id") WHERE active;--> statement-breakpoint
CREATE INDEX "predictive_models_status_idx" ON "predictive_models" USING btree ("tenant_id","status");--> statement-breakpoint
CREATE INDEX "engagement_events_lead_idx" ON "engagement_events" USING btree ("tenant_id","lead_id","at");--> statement-breakpoint
CREATE INDEX "engagement_events_at_idx" ON "engagement_events" USING btree ("tenant_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "engagement_events_external_uq" ON "engagement_events" USING btree ("tenant_id","external_id") WHERE external_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX "scoring_rules_category_idx" ON "scoring_rules" USING btree ("tenant_id","category","sort_order");