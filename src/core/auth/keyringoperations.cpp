// KeyRing's operations: the secret store first (async), then one SQL transaction, then a
// refresh, so the verifiers follow before `done` runs.
#include "keyring.h"

#include "keyringverifier.h"
#include "keysecret.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QPointer>

namespace hookbench {

void KeyRing::generate(const QString &endpoint, const QString &label, Done done)
{
    addKey(endpoint, label, webhookkey::generate(), KeyOrigin::Generated, std::nullopt,
           std::move(done));
}

void KeyRing::importKey(const QString &endpoint, const QString &label, const QByteArray &secret,
                        Done done)
{
    addKey(endpoint, label, secret, KeyOrigin::Imported, std::nullopt, std::move(done));
}

void KeyRing::rotate(const QString &endpoint, const QString &label,
                     std::optional<std::chrono::seconds> grace, Done done, const QByteArray &secret)
{
    const std::chrono::seconds period = grace.value_or(m_options.defaultGrace);
    if (secret.isEmpty())
        addKey(endpoint, label, webhookkey::generate(), KeyOrigin::Generated, period,
               std::move(done));
    else
        addKey(endpoint, label, secret, KeyOrigin::Imported, period, std::move(done));
}

void KeyRing::addKey(const QString &endpoint, const QString &label, const QByteArray &secret,
                     KeyOrigin origin, std::optional<std::chrono::seconds> grace, Done done)
{
    Result result;
    result.error = checkOpen();
    if (result.error.isEmpty())
        result.error = webhookkey::checkEndpoint(endpoint);
    if (result.error.isEmpty())
        result.error = webhookkey::checkLabel(label.trimmed());
    if (result.error.isEmpty() && origin == KeyOrigin::Imported)
        result.error = webhookkey::checkImported(secret);
    if (result.error.isEmpty() && grace && grace->count() < 0)
        result.error = QStringLiteral("the grace period cannot be negative");
    KeyInfo key;
    key.id = StaticKeyVerifier::fingerprint(secret);
    key.endpoint = endpoint;
    key.label = label.trimmed();
    key.origin = origin;
    if (result.error.isEmpty()) {
        // Checked before the secret is written: writing it again under the same name and then
        // removing it after the SQL refused would destroy the existing key's secret.
        refresh();
        const std::optional<KeyInfo> existing = this->key(key.id);
        const std::optional<KeyInfo> primary = primaryKey(endpoint);
        if (existing) {
            result.error = QStringLiteral("this key is already in the key ring (id %1, endpoint "
                                          "'%2', %3)")
                               .arg(key.id, existing->endpoint, keyStateName(existing->state));
        } else if (primary && !grace) {
            result.error = QStringLiteral("endpoint '%1' already has a primary key (%2); rotate "
                                          "to replace it")
                               .arg(endpoint, primary->id);
        }
    }
    if (!result.error.isEmpty()) {
        result.rejected = isOpen();
        return finishLater(done, result);
    }

    const QPointer<KeyRing> self(this);
    const quint64 generation = m_generation;
    m_secrets->write(webhookkey::secretName(endpoint, key.id), secret,
                     [self, generation, key, secret, grace, done](const QString &error) {
                         if (!self)
                             return;
                         if (!error.isEmpty() || self->m_generation != generation) {
                             Result failed;
                             failed.error = error.isEmpty()
                                                ? self->checkOpen()
                                                : QStringLiteral("cannot store the key: ") + error;
                             if (failed.error.isEmpty())
                                 failed.error = QStringLiteral("the key ring was reopened");
                             return done(failed);
                         }
                         self->storeAddedKey(key, secret, grace.has_value(),
                                             grace.value_or(std::chrono::seconds(0)), done);
                     });
}

void KeyRing::storeAddedKey(KeyInfo key, const QByteArray &secret, bool rotating,
                            std::chrono::seconds grace, Done done)
{
    key.created = now();
    const QDateTime graceUntil =
        rotating ? key.created.addMSecs(qint64(grace.count()) * 1000) : QDateTime();
    Result result;
    result.error = m_store.addKey(key, graceUntil, &result.replacedId);
    if (!result.error.isEmpty()) {
        // Another process added the same key meanwhile: its secret is the same, keep it.
        refresh();
        if (!this->key(key.id))
            m_secrets->remove(webhookkey::secretName(key.endpoint, key.id), [](const QString &) {});
        return done(result);
    }
    m_secretValues.insert(key.id, secret);
    refresh();
    result.key = this->key(key.id).value_or(key);
    if (key.origin == KeyOrigin::Generated)
        result.secret = secret;
    done(result);
}

std::optional<KeyInfo> KeyRing::findForChange(const QString &id, Result *result)
{
    result->error = checkOpen();
    if (!result->error.isEmpty())
        return std::nullopt;
    refresh(); // another process may have changed it
    std::optional<KeyInfo> found = key(id);
    if (!found) {
        result->error = QStringLiteral("no key with id '%1'").arg(id);
        result->rejected = true;
    }
    return found;
}

void KeyRing::revoke(const QString &id, Done done)
{
    Result result;
    const std::optional<KeyInfo> known = findForChange(id, &result);
    if (known) {
        result.error = KeyRingStore::refuseRevoke(*known);
        result.rejected = !result.error.isEmpty();
    }
    if (result.error.isEmpty())
        result.error = m_store.revoke(id, now());
    if (!result.error.isEmpty())
        return finishLater(done, result);
    refresh(); // the verifiers drop the key before anything else happens
    result.key = key(id).value_or(*known);
    const QPointer<KeyRing> self(this);
    m_secrets->remove(webhookkey::secretName(result.key.endpoint, id),
                      [self, result, done](const QString &error) mutable {
                          if (!error.isEmpty()) {
                              result.warning =
                                  QStringLiteral("the key is revoked, but its secret could not be "
                                                 "removed from the secret store: ") +
                                  error;
                          }
                          if (self)
                              done(result);
                      });
}

void KeyRing::endGraceNow(const QString &id, Done done)
{
    Result result;
    const std::optional<KeyInfo> known = findForChange(id, &result);
    if (known) {
        result.error = KeyRingStore::refuseEndGrace(*known, now());
        result.rejected = !result.error.isEmpty();
    }
    if (result.error.isEmpty())
        result.error = m_store.endGrace(id, now());
    if (result.error.isEmpty()) {
        refresh();
        result.key = key(id).value_or(*known);
    }
    finishLater(done, result);
}

void KeyRing::setLabel(const QString &id, const QString &label, Done done)
{
    Result result;
    const std::optional<KeyInfo> known = findForChange(id, &result);
    if (known) {
        result.error = webhookkey::checkLabel(label.trimmed());
        result.rejected = !result.error.isEmpty();
    }
    if (result.error.isEmpty())
        result.error = m_store.setLabel(id, label.trimmed(), now());
    if (result.error.isEmpty()) {
        refresh();
        result.key = key(id).value_or(*known);
    }
    finishLater(done, result);
}

void KeyRing::noteCopied(const QString &id, Done done)
{
    Result result;
    const std::optional<KeyInfo> known = findForChange(id, &result);
    if (known)
        result.error = m_store.record(id, KeyAuditAction::Copied, now());
    if (result.error.isEmpty()) {
        refresh();
        result.key = key(id).value_or(*known);
    }
    finishLater(done, result);
}

void KeyRing::reveal(const QString &id, Done done)
{
    handOut(id, KeyAuditAction::Revealed, std::move(done));
}

void KeyRing::copyOut(const QString &id, Done done)
{
    handOut(id, KeyAuditAction::Copied, std::move(done));
}

void KeyRing::handOut(const QString &id, KeyAuditAction action, Done done)
{
    Result result;
    const std::optional<KeyInfo> known = findForChange(id, &result);
    if (known && known->state == KeyState::Revoked) {
        result.error = QStringLiteral("key %1 is revoked; its secret was removed").arg(id);
        result.rejected = true;
    }
    if (!result.error.isEmpty())
        return finishLater(done, result);
    result.key = *known;
    // Audited before the value is handed out: no reveal or copy without a trace.
    const auto audited = [this, id, action](Result revealed) {
        revealed.error = m_store.record(id, action, now());
        if (!revealed.error.isEmpty())
            revealed.secret.clear();
        else
            refresh();
        return revealed;
    };
    const auto cached = m_secretValues.constFind(id);
    if (cached != m_secretValues.cend()) {
        result.secret = *cached;
        return finishLater(done, audited(result));
    }
    const QPointer<KeyRing> self(this);
    m_secrets->read(
        webhookkey::secretName(known->endpoint, id),
        [self, result, audited, done](const QByteArray &secret, const QString &error) mutable {
            if (!self)
                return;
            if (!error.isEmpty()) {
                result.error = QStringLiteral("cannot read the key: ") + error;
                return done(result);
            }
            result.secret = secret;
            done(audited(result));
        });
}

void KeyRing::finishLater(const Done &done, Result result)
{
    QMetaObject::invokeMethod(
        this, [done, result] { done(result); }, Qt::QueuedConnection);
}

KeyRing::Result KeyRing::runSync(const std::function<void(Done)> &start)
{
    Result result;
    bool finished = false;
    QEventLoop loop;
    start([&](const Result &outcome) {
        result = outcome;
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
    return result;
}

KeyRing::Result KeyRing::generateSync(const QString &endpoint, const QString &label)
{
    return runSync([&](Done done) { generate(endpoint, label, std::move(done)); });
}

KeyRing::Result KeyRing::importSync(const QString &endpoint, const QString &label,
                                    const QByteArray &secret)
{
    return runSync([&](Done done) { importKey(endpoint, label, secret, std::move(done)); });
}

KeyRing::Result KeyRing::rotateSync(const QString &endpoint, const QString &label,
                                    std::optional<std::chrono::seconds> grace,
                                    const QByteArray &secret)
{
    return runSync([&](Done done) { rotate(endpoint, label, grace, std::move(done), secret); });
}

KeyRing::Result KeyRing::revokeSync(const QString &id)
{
    return runSync([&](Done done) { revoke(id, std::move(done)); });
}

KeyRing::Result KeyRing::endGraceSync(const QString &id)
{
    return runSync([&](Done done) { endGraceNow(id, std::move(done)); });
}

KeyRing::Result KeyRing::setLabelSync(const QString &id, const QString &label)
{
    return runSync([&](Done done) { setLabel(id, label, std::move(done)); });
}

} // namespace hookbench
