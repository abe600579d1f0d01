package org.imagehub.console.media;

import io.quarkus.qute.TemplateExtension;
import org.imagehub.media.asset.MediaAssetView;
import org.imagehub.media.asset.MediaFileView;

/** {@code asset.preview('thumbnail')} in a template: the console's address of that rendition (else the original), or "". */
@TemplateExtension
public final class MediaPreviews {
    private MediaPreviews() {
    }

    static String preview(MediaAssetView asset, String rendition) {
        if (!"image".equals(asset.kind())) {
            return "";
        }
        MediaFileView chosen = asset.files() == null ? null : asset.files().stream()
                .filter(file -> file.name().equals(rendition) && !"image/webp".equals(file.mediaType())).findFirst()
                .orElse(null);
        if (chosen == null) {
            chosen = asset.original();
        }
        if (chosen == null || chosen.url() == null) {
            return "";
        }
        return "/console/media/" + asset.id() + "/" + chosen.url().substring(chosen.url().lastIndexOf('/') + 1);
    }
}
