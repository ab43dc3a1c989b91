#pragma once

#include "diffcomparison.h"

#include <QList>
#include <QObject>

#include <memory>

class QThread;

namespace hookbench {

// Runs compareDocuments() on a worker thread so an 11 MB pair never blocks the GUI. Starting
// again cancels the comparison still running: only the newest one reports.
class DiffJob : public QObject
{
    Q_OBJECT

public:
    explicit DiffJob(QObject *parent = nullptr);
    ~DiffJob() override; // cancels, and waits for the worker (it stops at its next check)

    void start(ComparisonSide oldSide, ComparisonSide newSide, const ComparisonOptions &options);
    void cancel(); // reports finished() with `canceled` set
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progressed(int percent, hookbench::ComparisonStage stage);
    void finished(std::shared_ptr<const hookbench::Comparison> comparison);

private:
    void deliver(quint64 generation, const std::shared_ptr<const Comparison> &comparison);

    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QThread *> m_threads; // the newest, and superseded ones still stopping
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace hookbench

Q_DECLARE_METATYPE(std::shared_ptr<const hookbench::Comparison>)
