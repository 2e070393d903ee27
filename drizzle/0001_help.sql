CREATE TABLE `help_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `help_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `help_messages_post` ON `help_messages` (`post_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `help_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`author_id` integer,
	`on_behalf_of` text,
	`type` text NOT NULL,
	`category` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`when` text NOT NULL,
	`start_date` text,
	`end_date` text,
	`anonymous` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`expires_at` integer NOT NULL,
	`extended` integer DEFAULT false NOT NULL,
	`reminder_sent_at` integer,
	`done_marked_by` integer,
	`done_marked_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`done_marked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `help_posts_board` ON `help_posts` (`flat_id`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `help_posts_author` ON `help_posts` (`author_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `help_posts_expiry` ON `help_posts` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `help_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`post_id` integer,
	`giver_id` integer,
	`receiver_id` integer,
	`thanks` text,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`post_id`) REFERENCES `help_posts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`giver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`receiver_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `help_records_giver` ON `help_records` (`giver_id`,`completed_at`);--> statement-breakpoint
CREATE INDEX `help_records_receiver` ON `help_records` (`receiver_id`,`completed_at`);--> statement-breakpoint
CREATE INDEX `help_records_flat` ON `help_records` (`flat_id`,`completed_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `help_records_post` ON `help_records` (`post_id`);--> statement-breakpoint
CREATE TABLE `help_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`post_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'waiting' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `help_posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `help_responses_post_user` ON `help_responses` (`post_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`type` text NOT NULL,
	`link` text NOT NULL,
	`params` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`read_at` integer,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_user` ON `notifications` (`user_id`,`created_at`);