package org.imagehub.media.image;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;

/**
 * A PDF as the hub stores it (Apache PDFBox): the document information dictionary and the XMP metadata stream —
 * where author and editor names, software and sometimes places live — are removed, and so are the document-level
 * scripts (JavaScript name tree, open action, additional actions). The file is written anew (a full save, not an
 * incremental one), so earlier revisions with the old metadata are not carried along. Encrypted PDFs are refused:
 * their metadata cannot be removed without the password. Page-level XMP of embedded images is left as it is.
 */
final class PdfCleaner {
    private PdfCleaner() {
    }

    static void clean(Path source, Path target) throws IOException {
        PDDocument document;
        try {
            // Read from the file (not the heap); parsed objects are loaded lazily.
            document = Loader.loadPDF(new RandomAccessReadBufferedFile(source.toFile()));
        } catch (IOException e) {
            throw new UnsupportedMediaException(ImageInspector.PDF, "it cannot be read as a PDF (" + e.getMessage() + ")");
        }
        try (document) {
            if (document.isEncrypted()) {
                throw new UnsupportedMediaException(ImageInspector.PDF, "it is encrypted, so its metadata cannot be removed");
            }
            document.getDocument().getTrailer().removeItem(COSName.INFO);
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            COSDictionary root = catalog.getCOSObject();
            root.removeItem(COSName.METADATA);
            root.removeItem(COSName.OPEN_ACTION);
            root.removeItem(COSName.AA);
            if (root.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
                names.removeItem(COSName.JAVA_SCRIPT);
                names.removeItem(COSName.EMBEDDED_FILES);
            }
            document.save(target.toFile());
        }
    }
}
