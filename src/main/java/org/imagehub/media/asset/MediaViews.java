package org.imagehub.media.asset;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an asset row's JSON columns and shapes the row as the API shows it. */
@ApplicationScoped
public class MediaViews {
    private static final TypeReference<List<StoredRendition>> RENDITIONS = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, LocalizedText>> TEXTS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public MediaViews(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public static String path(String assetId, String file) {
        return "/api/v1/media/" + assetId + "/" + file;
    }

    public static String originalFile(MediaAsset asset) {
        String extension = asset.originalKey.substring(asset.originalKey.lastIndexOf('.') + 1);
        return "original-" + asset.originalSha256.substring(0, 16) + "." + extension;
    }

    public MediaAssetView view(MediaAsset asset) {
        List<MediaFileView> files = renditions(asset).stream()
                .map(r -> new MediaFileView(r.name(), r.mediaType(), r.width(), r.height(), r.bytes(), path(asset.id, r.file()))).toList();
        MediaFileView original = new MediaFileView("original", asset.mediaType, asset.width, asset.height, asset.byteSize,
                path(asset.id, originalFile(asset)));
        return new MediaAssetView(asset.id, asset.organisation, asset.kind, asset.mediaType, asset.byteSize, asset.width, asset.height,
                asset.durationMs, asset.sha256, asset.filename, asset.credit, asset.licence, asset.copyright, asset.posterId,
                new FocalPoint((double) asset.focalX, (double) asset.focalY), texts(asset), asset.renditionsStatus, files, original,
                asset.version, asset.createdAt, asset.updatedAt);
    }

    public List<StoredRendition> renditions(MediaAsset asset) {
        return read(asset.renditionsJson, RENDITIONS);
    }

    public Map<String, LocalizedText> texts(MediaAsset asset) {
        return read(asset.textsJson, TEXTS);
    }

    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
