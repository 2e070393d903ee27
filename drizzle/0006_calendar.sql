CREATE TABLE `activities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`author_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`start_date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`recurrence` text DEFAULT 'none' NOT NULL,
	`until_date` text,
	`count` integer,
	`paused_from` text,
	`capacity` integer,
	`helpers_wanted` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activities_flat` ON `activities` (`flat_id`,`status`,`start_date`);--> statement-breakpoint
CREATE TABLE `activity_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`occurrence` text NOT NULL,
	`cancelled` integer DEFAULT false NOT NULL,
	`reason` text,
	`date` text,
	`start_time` text,
	`end_time` text,
	`place` text,
	`note` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_changes_occurrence` ON `activity_changes` (`activity_id`,`occurrence`);--> statement-breakpoint
CREATE TABLE `activity_reminders` (
	`activity_id` integer NOT NULL,
	`occurrence` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`activity_id`, `occurrence`),
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `activity_rsvps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`activity_id` integer NOT NULL,
	`occurrence` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`guests` integer DEFAULT 0 NOT NULL,
	`waiting` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activity_rsvps_member` ON `activity_rsvps` (`activity_id`,`occurrence`,`user_id`);--> statement-breakpoint
CREATE INDEX `activity_rsvps_user` ON `activity_rsvps` (`user_id`);--> statement-breakpoint
CREATE INDEX `activity_rsvps_occurrence` ON `activity_rsvps` (`occurrence`);--> statement-breakpoint
CREATE TABLE `calendar_feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`flat_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calendar_feeds_member` ON `calendar_feeds` (`flat_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `flats` ADD `places` text DEFAULT '["Buurtkamer"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `flats` ADD `resident_activities` text DEFAULT 'propose' NOT NULL;--> statement-breakpoint
ALTER TABLE `help_records` ADD `activity_id` integer REFERENCES activities(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `help_records` ADD `occurrence` text;--> statement-breakpoint
CREATE UNIQUE INDEX `help_records_activity` ON `help_records` (`activity_id`,`occurrence`,`giver_id`);