CREATE TABLE `help_suggestions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`suggested_by` integer,
	`declined_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `help_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`suggested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_suggestions_post_user` ON `help_suggestions` (`post_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `help_suggestions_user` ON `help_suggestions` (`user_id`);--> statement-breakpoint
CREATE INDEX `help_suggestions_by` ON `help_suggestions` (`suggested_by`);--> statement-breakpoint
CREATE TABLE `activity_poll_options` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`poll_id` integer NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	FOREIGN KEY (`poll_id`) REFERENCES `activity_polls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_poll_options_poll` ON `activity_poll_options` (`poll_id`);--> statement-breakpoint
CREATE TABLE `activity_poll_votes` (
	`option_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`option_id`, `user_id`),
	FOREIGN KEY (`option_id`) REFERENCES `activity_poll_options`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `activity_poll_votes_user` ON `activity_poll_votes` (`user_id`);--> statement-breakpoint
CREATE TABLE `activity_polls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`author_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`place` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`activity_id` integer,
	`closes_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`activity_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `activity_polls_flat` ON `activity_polls` (`flat_id`,`status`);--> statement-breakpoint
CREATE INDEX `activity_polls_author` ON `activity_polls` (`author_id`);--> statement-breakpoint
CREATE INDEX `activity_polls_closing` ON `activity_polls` (`status`,`closes_at`);--> statement-breakpoint
CREATE INDEX `activity_polls_activity` ON `activity_polls` (`activity_id`);--> statement-breakpoint
CREATE TABLE `notice_seen` (
	`notice_id` integer NOT NULL,
	`membership_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`notice_id`, `membership_id`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notice_texts` (
	`notice_id` integer NOT NULL,
	`locale` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`notice_id`, `locale`),
	FOREIGN KEY (`notice_id`) REFERENCES `notices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`author_id` integer,
	`kind` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `notices_flat` ON `notices` (`flat_id`,`valid_until`);--> statement-breakpoint
CREATE INDEX `notices_author` ON `notices` (`author_id`);--> statement-breakpoint
CREATE TABLE `summary_rounds` (
	`flat_id` integer NOT NULL,
	`due_at` integer NOT NULL,
	`sent` integer DEFAULT 0 NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`flat_id`, `due_at`),
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `flats` ADD `summary_day` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `flats` ADD `summary_time` text DEFAULT '18:00' NOT NULL;--> statement-breakpoint
ALTER TABLE `flats` ADD `waiting_days` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `suggestable` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `help_posts` ADD `waiting_notified_at` integer;