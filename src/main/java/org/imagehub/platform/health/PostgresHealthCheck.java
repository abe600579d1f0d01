package org.imagehub.platform.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class PostgresHealthCheck implements HealthCheck {
    private final AgroalDataSource dataSource;

    public PostgresHealthCheck(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
            return HealthCheckResponse.named("postgresql").up().build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("postgresql").down().withData("error", e.getMessage()).build();
        }
    }
}
