package org.imagehub.media.video;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A presigned multipart upload in progress: the server's object key and S3 upload id, until completed or aborted. */
@Entity
@Table(name = "media_upload")
public class VideoUpload extends PanacheEntityBase {
    @Id
    public String id;

    public String organisation;

    public String objectKey;

    /** Named explicitly: the naming strategy would join the digit to the next word. */
    @Column(name = "s3_upload_id")
    public String s3UploadId;

    /** As declared at the start; the bytes are sniffed again at completion. */
    public String mediaType;

    public long declaredBytes;

    public long partBytes;

    public String filename;

    public String createdBy;

    public Instant createdAt;

    public Instant expiresAt;
}
