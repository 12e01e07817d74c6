package org.linkage.commons.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a statement that takes its rows as one array per column ({@code insert … select … from unnest(?, …) with
 * ordinality}) on the current transaction's connection: how rows kept back during a transaction are written with
 * one statement just before it commits (the outbox's events, the router's ticket history).
 *
 * <p>Through the pool, not the session: this late in a transaction a session query opens a connection handle that
 * the session no longer closes, and the pool closed it at commit with a warning, on every transaction. The pool
 * hands out the connection enlisted in the transaction, so the rows commit or roll back with its other writes and
 * its own reads see them. The session's statement inspector sees the statement like the session's own.
 */
@ApplicationScoped
public class ArrayBatch {
    private final EntityManager em;
    private final DataSource dataSource;

    public ArrayBatch(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * @param rows each row's values (or nulls), one per {@code ?} of {@code sql} and in its order; they travel as text
     *             arrays, one per column, which the statement casts to its columns' types
     * @return the rows the statement wrote
     */
    public <T> int write(String sql, List<T> rows, Function<T, Object[]> values) {
        String[][] columns = null;
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = values.apply(rows.get(i));
            if (columns == null) {
                columns = new String[row.length][rows.size()];
            }
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c] == null ? null : row[c].toString();
            }
        }
        return columns == null ? 0 : write(sql, columns);
    }

    private int write(String sql, String[][] columns) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(inspected(sql))) {
            for (int i = 0; i < columns.length; i++) {
                statement.setArray(i + 1, c.createArrayOf("varchar", columns[i]));
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("could not write a transaction's kept-back rows", e);
        }
    }

    private String inspected(String sql) {
        StatementInspector inspector = em.unwrap(SharedSessionContractImplementor.class).getJdbcSessionContext()
                .getStatementInspector();
        return inspector == null ? sql : inspector.inspect(sql);
    }
}
