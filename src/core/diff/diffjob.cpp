#include "diffjob.h"

#include <QThread>

namespace hookbench {

DiffJob::DiffJob(QObject *parent)
    : QObject(parent)
{}

DiffJob::~DiffJob()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void DiffJob::start(ComparisonSide oldSide, ComparisonSide newSide,
                    const ComparisonOptions &options)
{
    if (m_cancel)
        m_cancel->store(true); // the previous worker stops at its next check; its result is dropped
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    const quint64 generation = ++m_generation;
    m_running = true;

    QThread *thread = QThread::create([this, cancel, generation, options,
                                       oldSide = std::move(oldSide), newSide = std::move(newSide)] {
        int reported = -1;
        const ComparisonProgress progress = [&](int percent, ComparisonStage stage) {
            if (percent == reported)
                return;
            reported = percent;
            QMetaObject::invokeMethod(
                this,
                [this, generation, percent, stage] {
                    if (generation == m_generation && m_running)
                        Q_EMIT progressed(percent, stage);
                },
                Qt::QueuedConnection);
        };
        auto comparison = std::make_shared<const Comparison>(
            compareDocuments(oldSide, newSide, options, cancel.get(), progress));
        QMetaObject::invokeMethod(
            this, [this, generation, comparison] { deliver(generation, comparison); },
            Qt::QueuedConnection);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread] {
        m_threads.removeOne(thread);
        thread->deleteLater();
    });
    thread->start(QThread::LowPriority);
}

void DiffJob::cancel()
{
    if (!m_running)
        return;
    m_cancel->store(true);
    m_running = false;
    auto canceled = std::make_shared<Comparison>();
    canceled->canceled = true;
    Q_EMIT finished(canceled);
}

void DiffJob::deliver(quint64 generation, const std::shared_ptr<const Comparison> &comparison)
{
    if (generation != m_generation || !m_running)
        return; // superseded or canceled: already reported
    m_running = false;
    Q_EMIT finished(comparison);
}

} // namespace hookbench
