CREATE TABLE `greetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `greetings_flat` ON `greetings` (`flat_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `greetings_member` ON `greetings` (`flat_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `map_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`category` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`helps_with` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`website` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`hours` text DEFAULT '[]' NOT NULL,
	`after_hours` integer DEFAULT false NOT NULL,
	`preset` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `map_entries_flat` ON `map_entries` (`flat_id`,`after_hours`,`sort_order`);--> statement-breakpoint
CREATE TABLE `welcome_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`locale` text NOT NULL,
	`body` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `welcome_pages_flat_locale` ON `welcome_pages` (`flat_id`,`locale`);--> statement-breakpoint
CREATE TABLE `welcome_steps` (
	`membership_id` integer NOT NULL,
	`step` text NOT NULL,
	`done_at` integer NOT NULL,
	PRIMARY KEY(`membership_id`, `step`),
	FOREIGN KEY (`membership_id`) REFERENCES `memberships`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `memberships` ADD `welcome_done` integer DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE `memberships` SET `welcome_done` = 1;--> statement-breakpoint
INSERT INTO `map_entries` (`flat_id`, `category`, `phone`, `after_hours`, `preset`, `sort_order`) SELECT `id`, 'safety', '112', 1, 'emergency', 0 FROM `flats`;--> statement-breakpoint
INSERT INTO `map_entries` (`flat_id`, `category`, `phone`, `after_hours`, `preset`, `sort_order`) SELECT `id`, 'safety', '0900 8844', 1, 'police', 1 FROM `flats`;--> statement-breakpoint
INSERT INTO `map_entries` (`flat_id`, `category`, `phone`, `after_hours`, `preset`, `sort_order`) SELECT `id`, 'gp_out_of_hours', '', 1, 'gp_out_of_hours', 2 FROM `flats`;--> statement-breakpoint
INSERT INTO `map_entries` (`flat_id`, `category`, `phone`, `after_hours`, `preset`, `sort_order`) SELECT `id`, 'housing_repairs', '', 1, 'repairs', 3 FROM `flats`;--> statement-breakpoint
INSERT INTO `map_entries` (`flat_id`, `category`, `phone`, `after_hours`, `preset`, `sort_order`) SELECT `id`, 'other', '', 1, 'flat_contact', 4 FROM `flats`;
