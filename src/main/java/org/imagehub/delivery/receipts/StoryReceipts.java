package org.imagehub.delivery.receipts;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StoryReceipts")
public record StoryReceipts(@Schema(example = "st_01JD8X6M3V9Q2W7R5T4Y1K0ZPA") String storyId, List<LanguageReceipts> languages) {
}
