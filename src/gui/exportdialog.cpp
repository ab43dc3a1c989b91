#include "exportdialog.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace hookbench {

namespace {
constexpr int ProgressSteps = 1000; // QProgressDialog takes ints; counts can exceed them
}

ExportDialog::ExportDialog(const QString &databasePath, const QList<qint64> &selectedIds,
                           const EventFilter &filter, qint64 filteredCount, qint64 totalCount,
                           QWidget *parent)
    : QDialog(parent)
    , m_databasePath(databasePath)
    , m_selectedIds(selectedIds)
    , m_filter(filter)
    , m_filteredCount(filteredCount)
    , m_totalCount(totalCount)
{
    setWindowTitle(tr("Export Events"));
    auto *layout = new QVBoxLayout(this);

    auto *scopeBox = new QGroupBox(tr("Events"), this);
    auto *scopeLayout = new QVBoxLayout(scopeBox);
    m_selected = new QRadioButton(
        tr("&Selected (%Ln)", nullptr, int(std::min<qint64>(selectedIds.size(), INT_MAX))),
        scopeBox);
    m_filtered =
        new QRadioButton(tr("&Filtered (%1)").arg(QLocale().toString(filteredCount)), scopeBox);
    m_all = new QRadioButton(tr("&All (%1)").arg(QLocale().toString(totalCount)), scopeBox);
    if (!filter.matchesAll())
        m_filtered->setToolTip(filter.text());
    for (QRadioButton *button : {m_selected, m_filtered, m_all})
        scopeLayout->addWidget(button);
    layout->addWidget(scopeBox);

    auto *formatBox = new QGroupBox(tr("Format"), this);
    auto *formatLayout = new QVBoxLayout(formatBox);
    m_jsonl = new QRadioButton(tr("&JSON Lines (one event per line)"), formatBox);
    m_har = new QRadioButton(tr("&HAR 1.2 (browser developer tools, HTTP tools)"), formatBox);
    m_reveal = new QCheckBox(tr("&Reveal webhook keys (x-vwo-auth)"), formatBox);
    m_revealWarning = new QLabel(
        tr("Warning: the file will contain your webhook keys in plain text. Do not share it."),
        formatBox);
    m_revealWarning->setWordWrap(true);
    m_revealWarning->setForegroundRole(QPalette::BrightText);
    formatLayout->addWidget(m_jsonl);
    formatLayout->addWidget(m_har);
    formatLayout->addWidget(m_reveal);
    formatLayout->addWidget(m_revealWarning);
    layout->addWidget(formatBox);

    // Button groups make each set exclusive even if the boxes are rearranged.
    auto *scopes = new QButtonGroup(this);
    for (QRadioButton *button : {m_selected, m_filtered, m_all})
        scopes->addButton(button);
    auto *formats = new QButtonGroup(this);
    formats->addButton(m_jsonl);
    formats->addButton(m_har);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export..."));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_selected->setEnabled(!selectedIds.isEmpty());
    m_filtered->setEnabled(!filter.matchesAll() && filter.isValid());
    // The most specific scope the user has: a selection, else the filter, else everything.
    (m_selected->isEnabled()   ? m_selected
     : m_filtered->isEnabled() ? m_filtered
                               : m_all)
        ->setChecked(true);
    m_jsonl->setChecked(true);
    const QList<QAbstractButton *> inputs{m_selected, m_filtered, m_all, m_jsonl, m_har, m_reveal};
    for (QAbstractButton *button : inputs)
        connect(button, &QAbstractButton::toggled, this, &ExportDialog::updateState);
    updateState();
}

void ExportDialog::updateState()
{
    const bool har = m_har->isChecked();
    m_reveal->setEnabled(har); // JSON Lines never contains keys (Event::toJsonLine())
    if (!har)
        m_reveal->setChecked(false);
    m_revealWarning->setVisible(m_reveal->isChecked());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(canExport());
}

bool ExportDialog::canExport() const
{
    switch (scope()) {
    case Scope::Selected:
        return !m_selectedIds.isEmpty();
    case Scope::Filtered:
        return m_filteredCount > 0 && m_filtered->isEnabled();
    case Scope::All:
        return m_totalCount > 0;
    }
    return false;
}

ExportDialog::Scope ExportDialog::scope() const
{
    return m_selected->isChecked()   ? Scope::Selected
           : m_filtered->isChecked() ? Scope::Filtered
                                     : Scope::All;
}

void ExportDialog::setScope(Scope scope)
{
    (scope == Scope::Selected   ? m_selected
     : scope == Scope::Filtered ? m_filtered
                                : m_all)
        ->setChecked(true);
}

bool ExportDialog::isScopeEnabled(Scope scope) const
{
    return (scope == Scope::Selected   ? m_selected
            : scope == Scope::Filtered ? m_filtered
                                       : m_all)
        ->isEnabled();
}

EventExporter::Format ExportDialog::format() const
{
    return m_har->isChecked() ? EventExporter::Format::Har : EventExporter::Format::Jsonl;
}

void ExportDialog::setFormat(EventExporter::Format format)
{
    (format == EventExporter::Format::Har ? m_har : m_jsonl)->setChecked(true);
}

bool ExportDialog::revealSecrets() const
{
    return m_reveal->isChecked();
}

void ExportDialog::setRevealSecrets(bool reveal)
{
    m_reveal->setChecked(reveal && m_reveal->isEnabled());
}

void ExportDialog::setTargetPath(const QString &path)
{
    m_targetPath = path;
}

QString ExportDialog::targetPath() const
{
    return m_targetPath;
}

QString ExportDialog::message() const
{
    return m_message;
}

EventExporter::Request ExportDialog::request(const QString &targetPath) const
{
    EventExporter::Request request;
    request.databasePath = m_databasePath;
    request.targetPath = targetPath;
    request.format = format();
    request.har.revealSecrets = format() == EventExporter::Format::Har && revealSecrets();
    switch (scope()) {
    case Scope::Selected:
        request.useIds = true;
        request.ids = m_selectedIds;
        break;
    case Scope::Filtered:
        request.filter = m_filter;
        break;
    case Scope::All:
        break; // the default filter matches everything
    }
    return request;
}

QString ExportDialog::suggestedFileName(EventExporter::Format format, const QDateTime &at)
{
    return QLatin1String("hookbench-") + at.toString(QStringLiteral("yyyyMMdd-HHmmss")) +
           (format == EventExporter::Format::Har ? QLatin1String(".har") : QLatin1String(".jsonl"));
}

QString ExportDialog::askTargetPath()
{
    const bool har = format() == EventExporter::Format::Har;
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString suggested =
        dir + QLatin1Char('/') + suggestedFileName(format(), QDateTime::currentDateTime());
    const QString filter = har ? tr("HAR files (*.har);;All files (*)")
                               : tr("JSON Lines files (*.jsonl);;All files (*)");
    return QFileDialog::getSaveFileName(parentWidget(), tr("Export Events"), suggested, filter);
}

bool ExportDialog::exportTo(const QString &path)
{
    EventExporter exporter;
    QProgressDialog progress(tr("Exporting events to %1...").arg(QDir::toNativeSeparators(path)),
                             tr("Cancel"), 0, ProgressSteps, parentWidget());
    progress.setWindowTitle(tr("Export Events"));
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(400); // short exports finish without a flash
    progress.setAutoClose(false);
    progress.setAutoReset(false);
    QEventLoop loop;
    bool ok = false;
    connect(&exporter, &EventExporter::progress, &progress, [&progress](qint64 done, qint64 total) {
        progress.setValue(total > 0 ? int(done * ProgressSteps / total) : 0);
    });
    connect(&progress, &QProgressDialog::canceled, &exporter, &EventExporter::cancel);
    connect(&exporter, &EventExporter::finished, &loop, [&](qint64 count, const QString &file) {
        ok = true;
        m_message =
            tr("Exported %Ln event(s) to %1.", nullptr, int(std::min<qint64>(count, INT_MAX)))
                .arg(QDir::toNativeSeparators(file));
        loop.quit();
    });
    connect(&exporter, &EventExporter::failed, &loop, [&](const QString &why) {
        m_message = why;
        loop.quit();
    });
    connect(&exporter, &EventExporter::cancelled, &loop, [&] {
        m_message = tr("The export was cancelled; no file was written.");
        loop.quit();
    });
    if (!exporter.start(request(path))) {
        m_message = tr("An export is already running.");
        return false;
    }
    loop.exec();
    progress.close();
    return ok;
}

bool ExportDialog::run(QWidget *parent, const QString &databasePath,
                       const QList<qint64> &selectedIds, const EventFilter &filter,
                       qint64 filteredCount, qint64 totalCount)
{
    ExportDialog dialog(databasePath, selectedIds, filter, filteredCount, totalCount, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    const QString path =
        dialog.targetPath().isEmpty() ? dialog.askTargetPath() : dialog.targetPath();
    if (path.isEmpty())
        return false;
    const bool ok = dialog.exportTo(path);
    if (ok)
        QMessageBox::information(parent, tr("Export Events"), dialog.message());
    else
        QMessageBox::warning(parent, tr("Export Events"), dialog.message());
    return ok;
}

} // namespace hookbench
