package org.imagehub.delivery.publication;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Listens on one database connection for changes of the published view made by any replica (PostgreSQL NOTIFY is
 * sent on commit), and moves this replica's caches on. After a lost connection it assumes it missed something.
 */
@ApplicationScoped
public class DeliveryChangeListener {
    private static final Logger LOG = Logger.getLogger(DeliveryChangeListener.class);
    private static final int WAIT_MILLIS = 500;

    private final AgroalDataSource dataSource;
    private final DeliveryChanges changes;
    private volatile boolean running;
    private Thread thread;

    public DeliveryChangeListener(AgroalDataSource dataSource, DeliveryChanges changes) {
        this.dataSource = dataSource;
        this.changes = changes;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::listen, "delivery-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + PublishedStories.CHANNEL);
                changes.changed();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            announced(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Listening for delivery changes failed (%s); reconnecting", e.toString());
                    pause();
                }
            }
        }
    }

    /** A payload names the changed stories; an empty one means anything may have changed. */
    private void announced(String payload) {
        if (payload == null || payload.isBlank()) {
            changes.changed();
        } else {
            changes.changed(java.util.Arrays.asList(payload.split(",")));
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
