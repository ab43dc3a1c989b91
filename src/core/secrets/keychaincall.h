#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;
namespace QKeychain {
class Job;
}

namespace hookbench {

struct KeychainOutcome
{
    enum Kind { Ok, NotFound, Unavailable, Failed };
    Kind kind = Failed;
    QString message; // QtKeychain's error text or ours; never the secret
    QByteArray data; // a read's secret
    bool timedOut = false;
};

// Starts `job` and calls `done` exactly once: when it finishes or after timeoutMs, whichever is
// first; never if `context` is destroyed first. The job is not owned by `context`: QtKeychain's
// Secret Service callbacks hold a raw pointer to it, so it must live until it finishes, even
// after we stopped waiting; it deletes itself then (autoDelete).
void runKeychainJob(QKeychain::Job *job, QObject *context, int timeoutMs,
                    std::function<void(const KeychainOutcome &)> done);

QString describeTimeout(int timeoutMs); // "5 s", "300 ms"

} // namespace hookbench
