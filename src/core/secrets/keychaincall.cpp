#include "secrets/keychaincall.h"

#include <QCoreApplication>
#include <QObject>
#include <QTimer>

#include <memory>

#include <qt6keychain/keychain.h>

namespace hookbench {

namespace {

KeychainOutcome outcomeOf(QKeychain::Job *job)
{
    KeychainOutcome outcome;
    outcome.message = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        outcome.kind = KeychainOutcome::Ok;
        outcome.message.clear();
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            outcome.data = read->binaryData();
        break;
    case QKeychain::EntryNotFound:
        outcome.kind = KeychainOutcome::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: // D-Bus trouble: no bus, no Secret Service, connection lost
        outcome.kind = KeychainOutcome::Unavailable;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::CouldNotDeleteEntry:
        // The keychain is there and said no: falling back to a file would overrule it.
        outcome.kind = KeychainOutcome::Failed;
        break;
    }
    return outcome;
}

} // namespace

QString describeTimeout(int timeoutMs)
{
    if (timeoutMs < 1000)
        return QStringLiteral("%1 ms").arg(timeoutMs);
    if (timeoutMs % 1000 == 0)
        return QStringLiteral("%1 s").arg(timeoutMs / 1000);
    return QStringLiteral("%1 s").arg(timeoutMs / 1000.0, 0, 'f', 1);
}

void runKeychainJob(QKeychain::Job *job, QObject *context, int timeoutMs,
                    std::function<void(const KeychainOutcome &)> done)
{
    Q_ASSERT(job->parent() == nullptr && job->autoDelete());
    // The guard dies with `context` (which drops the call) or after the first outcome; the
    // shared state makes sure the other outcome, if it comes before that, is ignored.
    struct State
    {
        std::function<void(const KeychainOutcome &)> done;
        QMetaObject::Connection finished;
    };
    auto state = std::make_shared<State>();
    state->done = std::move(done);
    auto *guard = new QObject(context);
    auto settle = [guard, state](const KeychainOutcome &outcome) {
        if (!state->done)
            return;
        QObject::disconnect(state->finished); // a late finish must not reach us
        guard->deleteLater();
        const auto done = std::move(state->done);
        state->done = nullptr;
        done(outcome);
    };
    state->finished = QObject::connect(job, &QKeychain::Job::finished, guard,
                                       [settle](QKeychain::Job *j) { settle(outcomeOf(j)); });
    auto *timer = new QTimer(guard);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // "did not answer within 300 ms" must hold
    QObject::connect(timer, &QTimer::timeout, guard, [settle, timeoutMs] {
        KeychainOutcome outcome;
        outcome.kind = KeychainOutcome::Unavailable;
        outcome.timedOut = true;
        outcome.message = QCoreApplication::translate("hookbench::SecretStore",
                                                      "keychain did not answer within %1")
                              .arg(describeTimeout(timeoutMs));
        settle(outcome);
    });
    timer->start(timeoutMs);
    job->start();
}

} // namespace hookbench
