package org.imagehub.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** A race on a unique value is a conflict however it reaches the mapper: at a flush, or wrapped at commit. */
class UniqueViolationTest {
    private static PSQLException duplicate(String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C23505\0Mduplicate key value violates unique constraint\0n" + constraint + "\0"));
    }

    @Test
    void theConstraintIsNamedWhenTheCommitWrapsTheDriversError() {
        RollbackException atCommit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        atCommit.initCause(new PersistenceException("flush failed", duplicate("story_organisation_external_id")));
        assertThat(UniqueViolation.constraintCausing(atCommit)).contains("story_organisation_external_id");
    }

    @Test
    void hibernatesOwnViolationCountsOnlyWhenItIsAboutUniqueness() {
        ConstraintViolationException unique = new ConstraintViolationException("insert failed", duplicate("localization_lang_slug_key"),
                "localization_lang_slug_key");
        assertThat(UniqueViolation.constraintCausing(new PersistenceException(unique))).contains("localization_lang_slug_key");
        ConstraintViolationException foreignKey = new ConstraintViolationException("insert failed",
                new SQLException("violates foreign key constraint", "23503"), ConstraintViolationException.ConstraintKind.FOREIGN_KEY,
                "localization_story_id_fkey");
        assertThat(UniqueViolation.constraintCausing(foreignKey)).isEmpty();
    }

    @Test
    void aUniqueViolationWithoutAConstraintNameIsStillOneAndOtherErrorsAreNot() {
        assertThat(UniqueViolation.constraintCausing(new IllegalStateException(new SQLException("duplicate", "23505")))).contains("unique value");
        assertThat(UniqueViolation.constraintCausing(new IllegalStateException(new SQLException("deadlock detected", "40P01")))).isEmpty();
        assertThat(UniqueViolation.constraintCausing(new IllegalStateException("no cause"))).isEmpty();
    }
}
