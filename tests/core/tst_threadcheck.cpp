// The thread-ownership check (threadcheck.h, issue 10): the event store (like the receiver) stops
// the process, naming the function, when called from a thread it does not live on. The wrong call
// runs in a child process (this binary again), since qFatal ends the process that makes it.
#include "events/eventstore.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace hookbench;

namespace {

constexpr char ChildVariable[] = "HOOKBENCH_THREADCHECK_CHILD";

// In the child: calls `function` of an object living on the main thread from another thread.
int runWrongThreadCall(const QByteArray &function)
{
    QTemporaryDir dir;
    EventStore store;
    if (!store.open(dir.filePath(QStringLiteral("events.sqlite"))).isEmpty())
        return 3;
    std::unique_ptr<QThread> other(QThread::create([&] {
        if (function == "append")
            store.append({Event()});
        else if (function == "removeEvents")
            store.removeEvents({1});
    }));
    other->start();
    other->wait();
    return 0; // reached only if the check did not fire
}

} // namespace

class TestThreadCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrongThreadIsFatal_data()
    {
        QTest::addColumn<QByteArray>("function");
        QTest::addColumn<QByteArray>("named");
        QTest::addRow("EventStore::append")
            << QByteArray("append") << QByteArray("EventStore::append");
        QTest::addRow("EventStore::removeEvents")
            << QByteArray("removeEvents") << QByteArray("EventStore::removeEvents");
    }
    void wrongThreadIsFatal()
    {
        QFETCH(QByteArray, function);
        QFETCH(QByteArray, named);
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(ChildVariable), QString::fromLatin1(function));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY(child.waitForFinished(30000));
        const QByteArray err = child.readAllStandardError();
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        QVERIFY2(err.contains(named) && err.contains("called on thread"), err.constData());
    }

    void ownThreadIsFine()
    {
        QTemporaryDir dir;
        EventStore store;
        QCOMPARE(store.open(dir.filePath(QStringLiteral("events.sqlite"))), QString());
        store.append({Event()}); // no check fires on the thread the store lives on
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QByteArray child = qgetenv(ChildVariable);
    if (!child.isEmpty())
        return runWrongThreadCall(child);
    TestThreadCheck test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_threadcheck.moc"
