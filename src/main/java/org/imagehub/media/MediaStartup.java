package org.imagehub.media;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.imageio.ImageIO;

/**
 * Registers the ImageIO plugins on the class path (TwelveMonkeys' JPEG reader, which also reads CMYK and broken
 * JPEGs) with the application's class loader: ImageIO's registry is made once per JVM, possibly before the
 * application's classes were visible to it.
 */
@ApplicationScoped
public class MediaStartup {
    void registerImagePlugins(@Observes StartupEvent start) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MediaStartup.class.getClassLoader());
        try {
            ImageIO.scanForPlugins();
            ImageIO.setUseCache(false);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
