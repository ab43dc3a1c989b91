// KeyRingStore's writes: each one transaction that re-reads the rows it changes.
#include "keyringstore.h"

#include "keyringsql.h"

#include <QSqlError>
#include <QSqlQuery>

namespace hookbench {

using namespace keyringsql;

QString KeyRingStore::addKey(const KeyInfo &key, const QDateTime &graceUntil, QString *replacedId)
{
    replacedId->clear();
    QString error;
    if (!m_session.begin(&error))
        return error;
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("SELECT endpoint, state FROM keys WHERE id = ?"));
    query.addBindValue(key.id);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    if (query.next()) {
        return m_session.rollbackWith(
            QStringLiteral("this key is already in the key ring (id %1, endpoint "
                           "'%2', %3)")
                .arg(key.id, query.value(0).toString(), query.value(1).toString()));
    }
    query.prepare(QStringLiteral("SELECT id FROM keys WHERE endpoint = ? AND state = 'primary'"));
    query.addBindValue(key.endpoint);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    const QString primary = query.next() ? query.value(0).toString() : QString();
    query.finish();
    const bool rotating = graceUntil.isValid();
    if (!primary.isEmpty() && !rotating) {
        return m_session.rollbackWith(
            QStringLiteral("endpoint '%1' already has a primary key (%2); rotate "
                           "to replace it")
                .arg(key.endpoint, primary));
    }
    if (!primary.isEmpty()) {
        error = updateKey(QStringLiteral("UPDATE keys SET state = 'grace', grace_until = ?"
                                         " WHERE id = ?"),
                          {toMs(graceUntil), primary});
        if (error.isEmpty()) {
            KeyAuditEntry rotated{
                0,          key.created, key.endpoint, primary, KeyAuditAction::Rotated, key.id,
                graceUntil, {}};
            error = insertAudit(rotated);
        }
        if (!error.isEmpty())
            return m_session.rollbackWith(error);
    }
    query.prepare(QLatin1String("INSERT INTO keys (") + KeyColumns +
                  QLatin1String(") VALUES (?, ?, ?, ?, ?, 'primary', NULL, NULL, NULL, 0)"));
    for (const QVariant &value :
         {QVariant(key.id), QVariant(key.endpoint), QVariant(text(key.label)),
          QVariant(keyOriginName(key.origin)), toMs(key.created)})
        query.addBindValue(value);
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    const KeyAuditAction action =
        key.origin == KeyOrigin::Imported ? KeyAuditAction::Imported : KeyAuditAction::Generated;
    error = insertAudit({0, key.created, key.endpoint, key.id, action, {}, {}, key.label});
    if (!error.isEmpty())
        return m_session.rollbackWith(error);
    *replacedId = primary;
    return m_session.commit();
}

QString KeyRingStore::revoke(const QString &id, const QDateTime &now)
{
    KeyInfo key;
    QString error = readKey(id, &key);
    if (!error.isEmpty())
        return error;
    const QString refusal = refuseRevoke(key);
    if (!refusal.isEmpty())
        return m_session.rollbackWith(refusal);
    error = updateKey(QStringLiteral("UPDATE keys SET state = 'revoked', revoked_at = ?"
                                     " WHERE id = ?"),
                      {toMs(now), id});
    if (error.isEmpty())
        error = insertAudit({0, now, key.endpoint, id, KeyAuditAction::Revoked, {}, {}, {}});
    return error.isEmpty() ? m_session.commit() : m_session.rollbackWith(error);
}

QString KeyRingStore::endGrace(const QString &id, const QDateTime &now)
{
    KeyInfo key;
    QString error = readKey(id, &key);
    if (!error.isEmpty())
        return error;
    const QString refusal = refuseEndGrace(key, now);
    if (!refusal.isEmpty())
        return m_session.rollbackWith(refusal);
    error = updateKey(QStringLiteral("UPDATE keys SET state = 'expired', grace_until = ?"
                                     " WHERE id = ?"),
                      {toMs(now), id});
    if (error.isEmpty())
        error = insertAudit({0, now, key.endpoint, id, KeyAuditAction::GraceEnded, {}, {}, {}});
    return error.isEmpty() ? m_session.commit() : m_session.rollbackWith(error);
}

QString KeyRingStore::setLabel(const QString &id, const QString &label, const QDateTime &now)
{
    KeyInfo key;
    QString error = readKey(id, &key);
    if (!error.isEmpty())
        return error;
    if (key.label == label)
        return m_session.commit(); // nothing changed, nothing to audit
    error = updateKey(QStringLiteral("UPDATE keys SET label = ? WHERE id = ?"), {text(label), id});
    if (error.isEmpty())
        error =
            insertAudit({0, now, key.endpoint, id, KeyAuditAction::LabelChanged, {}, {}, label});
    return error.isEmpty() ? m_session.commit() : m_session.rollbackWith(error);
}

QString KeyRingStore::settleEndedGrace(const QDateTime &now)
{
    QString error;
    if (!m_session.begin(&error))
        return error;
    QSqlQuery query(m_session.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id, endpoint, grace_until FROM keys"
                                 " WHERE state = 'grace' AND grace_until <= ?"));
    query.addBindValue(toMs(now));
    if (!query.exec())
        return m_session.rollbackWith(m_session.describe(query.lastError()));
    QList<KeyAuditEntry> ended;
    while (query.next()) {
        ended.append({0,
                      fromMs(query.value(2)),
                      query.value(1).toString(),
                      query.value(0).toString(),
                      KeyAuditAction::GraceEnded,
                      {},
                      {},
                      {}});
    }
    for (const KeyAuditEntry &entry : std::as_const(ended)) {
        error = updateKey(QStringLiteral("UPDATE keys SET state = 'expired' WHERE id = ?"),
                          {entry.keyId});
        if (error.isEmpty())
            error = insertAudit(entry);
        if (!error.isEmpty())
            return m_session.rollbackWith(error);
    }
    return m_session.commit();
}

QString KeyRingStore::record(const QString &id, KeyAuditAction action, const QDateTime &now)
{
    KeyInfo key;
    QString error = readKey(id, &key);
    if (!error.isEmpty())
        return error;
    error = insertAudit({0, now, key.endpoint, id, action, {}, {}, {}});
    return error.isEmpty() ? m_session.commit() : m_session.rollbackWith(error);
}

QString KeyRingStore::addUsage(const QList<Usage> &usage)
{
    if (usage.isEmpty())
        return {};
    QString error;
    if (!m_session.begin(&error))
        return error;
    QSqlQuery query(m_session.database());
    query.prepare(QStringLiteral("UPDATE keys SET use_count = use_count + ?,"
                                 " last_used = max(coalesce(last_used, 0), ?) WHERE id = ?"));
    for (const Usage &use : usage) {
        query.addBindValue(use.count);
        query.addBindValue(use.lastUsed.toMSecsSinceEpoch());
        query.addBindValue(use.id);
        if (!query.exec())
            return m_session.rollbackWith(m_session.describe(query.lastError()));
    }
    return m_session.commit();
}

QString KeyRingStore::refuseRevoke(const KeyInfo &key)
{
    if (key.state == KeyState::Revoked)
        return QStringLiteral("key %1 was already revoked at %2")
            .arg(key.id, isoTime(key.revokedAt));
    return {};
}

QString KeyRingStore::refuseEndGrace(const KeyInfo &key, const QDateTime &now)
{
    switch (key.stateAt(now)) {
    case KeyState::Grace:
        break;
    case KeyState::Primary:
        return QStringLiteral("key %1 is the primary key, not in a grace period (rotate or revoke "
                              "it instead)")
            .arg(key.id);
    case KeyState::Expired:
        return QStringLiteral("the grace period of key %1 already ended at %2")
            .arg(key.id, isoTime(key.graceUntil));
    case KeyState::Revoked:
        return QStringLiteral("key %1 was revoked at %2").arg(key.id, isoTime(key.revokedAt));
    }
    return {};
}

} // namespace hookbench
