CREATE TABLE `spare_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`flat_id` integer NOT NULL,
	`owner_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`reviewed_at` integer NOT NULL,
	`reminder_sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`flat_id`) REFERENCES `flats`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`holder_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spare_keys_pair` ON `spare_keys` (`flat_id`,`owner_id`,`holder_id`);--> statement-breakpoint
CREATE INDEX `spare_keys_holder` ON `spare_keys` (`holder_id`);--> statement-breakpoint
CREATE INDEX `spare_keys_review` ON `spare_keys` (`reviewed_at`);