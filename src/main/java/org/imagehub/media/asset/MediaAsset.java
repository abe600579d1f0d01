package org.imagehub.media.asset;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** One stored binary and what editors say about it. Other features see it as a {@link MediaAssetView}. */
@Entity
@Table(name = "media_asset")
public class MediaAsset extends PanacheEntityBase {
    @Id
    public String id;

    public String organisation;

    /** SHA-256 of the uploaded bytes, hex: the asset's identity (the same file uploaded again is this asset). */
    public String sha256;

    public String kind;

    public String mediaType;

    public long byteSize;

    public Integer width;

    public Integer height;

    /** Videos: read from the container's movie header. */
    public Long durationMs;

    /** Videos: the image asset shown before playing. */
    public String posterId;

    public String originalKey;

    /** SHA-256 of the stored original (metadata stripped): its strong ETag. */
    public String originalSha256;

    public String filename;

    public String credit;

    public String licence;

    public String copyright;

    /** Named explicitly: the naming strategy leaves a one-letter word joined ({@code focalx}). */
    @Column(name = "focal_x")
    public float focalX;

    @Column(name = "focal_y")
    public float focalY;

    @Column(name = "texts", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String textsJson;

    public String renditionsStatus;

    @Column(name = "renditions", columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    public String renditionsJson;

    public Instant renditionsRequestedAt;

    public String renditionsError;

    public String renditionsFrame;

    public long version;

    public String createdBy;

    public Instant createdAt;

    public Instant updatedAt;

    String frame() {
        return focalX + "," + focalY;
    }
}
