// SettingsHistoryPanel's files: import (dialog and drag and drop) and export.

#include "inlinemessage.h"
#include "sentences.h"
#include "settings/settingsfetcher.h"
#include "settings/settingsversionstore.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QRegularExpression>
#include <QSaveFile>
#include <QUrl>

namespace hookbench {

namespace {

constexpr int MaxNamedFiles = 3;

bool isJsonFile(const QString &path)
{
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive);
}

QString fileFilter()
{
    return SettingsHistoryPanel::tr("Settings files (*.json);;All files (*)");
}

} // namespace

QStringList SettingsHistoryPanel::localFiles(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

void SettingsHistoryPanel::dragEnterEvent(QDragEnterEvent *event)
{
    const QStringList paths = localFiles(event->mimeData());
    QStringList names;
    for (const QString &path : paths) {
        if (isJsonFile(path))
            names.append(QFileInfo(path).fileName());
    }
    if (names.isEmpty())
        return event->ignore();
    if (names.size() > MaxNamedFiles) {
        names = names.mid(0, MaxNamedFiles);
        names.append(QStringLiteral("\u2026"));
    }
    m_dropMessage->setType(InlineMessage::Information);
    m_dropMessage->setText(tr("Drop to import %1 into the settings history of endpoint %2.")
                               .arg(names.join(QStringLiteral(", ")), m_endpoint));
    m_dropMessage->show();
    event->acceptProposedAction();
}

void SettingsHistoryPanel::dragMoveEvent(QDragMoveEvent *event)
{
    event->acceptProposedAction();
}

void SettingsHistoryPanel::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropMessage->hide();
    QWidget::dragLeaveEvent(event);
}

void SettingsHistoryPanel::dropEvent(QDropEvent *event)
{
    m_dropMessage->hide();
    const QStringList paths = localFiles(event->mimeData());
    QStringList json;
    std::copy_if(paths.cbegin(), paths.cend(), std::back_inserter(json), isJsonFile);
    if (json.isEmpty())
        return event->ignore();
    event->acceptProposedAction();
    importFiles(json);
    if (json.size() < paths.size()) {
        // The other files are named too: nothing the user dropped goes unexplained.
        QStringList skipped;
        for (const QString &path : paths) {
            if (!isJsonFile(path))
                skipped.append(QFileInfo(path).fileName());
        }
        showResult(m_resultMessage->text() + QLatin1Char('\n') +
                       tr("Skipped %1: only .json files are imported.")
                           .arg(skipped.join(QStringLiteral(", "))),
                   m_resultMessage->type());
    }
}

void SettingsHistoryPanel::importWithDialog()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Import Settings Files"), m_lastDir, fileFilter());
    if (paths.isEmpty())
        return;
    m_lastDir = QFileInfo(paths.first()).absolutePath();
    importFiles(paths);
}

void SettingsHistoryPanel::importFiles(const QStringList &paths)
{
    if (paths.isEmpty())
        return;
    QStringList lines;
    QList<qint64> added;
    int failures = 0;
    for (const QString &path : paths) {
        bool failed = false;
        qint64 id = 0;
        lines.append(importOne(path, &failed, &id));
        failures += failed ? 1 : 0;
        if (id > 0)
            added.append(id);
    }
    reload();
    if (!added.isEmpty())
        selectVersions(added);
    // Each file has its line; with several, the failures are counted up front.
    if (paths.size() > 1 && failures > 0) {
        lines.prepend(tr("%1 of %2 files could not be imported:").arg(failures).arg(paths.size()));
    }
    showResult(lines.join(QLatin1Char('\n')),
               failures > 0 ? InlineMessage::Error : InlineMessage::Information);
}

QString SettingsHistoryPanel::importOne(const QString &path, bool *failed, qint64 *added)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    *failed = true;
    if (info.isDir())
        return tr("%1 is a folder, not a settings file.").arg(name);
    if (info.size() > SettingsFetcher::DefaultMaxBodyBytes) {
        return tr("%1 was not imported: it is %2, more than the %3 a settings file may have.")
            .arg(name, QLocale().formattedDataSize(info.size()),
                 QLocale().formattedDataSize(SettingsFetcher::DefaultMaxBodyBytes));
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    const QByteArray bytes = file.readAll();
    FetchRecord recorded;
    SettingsVersion version;
    const QString error = m_store->importFile(m_endpoint, path, bytes, &recorded, &version);
    if (!error.isEmpty())
        return tr("Cannot import %1: %2").arg(name, asSentence(error));
    if (recorded.outcome == FetchOutcome::Failed) {
        // The store names the file already ("name: reason"); say it once.
        QString reason = recorded.error;
        const QString prefix = name + QLatin1String(": ");
        if (reason.startsWith(prefix))
            reason.remove(0, prefix.size());
        return tr("%1 was not imported, it is not a valid settings file: %2")
            .arg(name, asSentence(reason));
    }
    *failed = false;
    if (recorded.outcome == FetchOutcome::Unchanged) {
        return tr("%1 is the same as version #%2, the current one of account %3: nothing added.")
            .arg(name)
            .arg(version.id)
            .arg(version.accountId);
    }
    *added = version.id;
    return tr("Imported %1 as version #%2 of account %3: %4.")
        .arg(name)
        .arg(version.id)
        .arg(version.accountId, version.summary);
}

QString SettingsHistoryPanel::defaultExportName(qint64 id) const
{
    QString account = m_historyModel->versionAt(m_historyModel->rowOfId(id)).accountId;
    // Account ids are digits; anything else must still make a portable file name.
    account.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    if (account.isEmpty())
        account = QStringLiteral("unknown");
    return QStringLiteral("settings-%1-v%2.json").arg(account).arg(id);
}

void SettingsHistoryPanel::exportSelected()
{
    const QList<qint64> ids = selectedVersionIds();
    if (ids.size() != 1)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Settings Version #%1").arg(ids.first()),
        QDir(m_lastDir).filePath(defaultExportName(ids.first())), fileFilter());
    if (path.isEmpty())
        return;
    m_lastDir = QFileInfo(path).absolutePath();
    exportVersion(ids.first(), path);
}

bool SettingsHistoryPanel::exportVersion(qint64 id, const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QByteArray bytes;
    const QString error = m_store->versionBytes(id, &bytes);
    if (!error.isEmpty()) {
        showResult(tr("Version #%1 was not exported: %2").arg(id).arg(asSentence(error)),
                   InlineMessage::Error);
        return false;
    }
    // All or nothing: a failed write leaves an existing file as it was.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        showResult(
            tr("Version #%1 was not exported to %2: %3").arg(id).arg(shown, file.errorString()),
            InlineMessage::Error);
        return false;
    }
    // The history keeps the file's SDK key out (the store replaces it): say so, so nobody
    // deploys the export expecting the original.
    SettingsVersion version;
    m_store->version(id, &version);
    const QString hash =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    QString text = tr("Exported version #%1 to %2 (%3).")
                       .arg(id)
                       .arg(shown, QLocale().formattedDataSize(bytes.size()));
    if (!version.isNull() && version.sha256 != hash)
        text += QLatin1Char(' ') + tr("Its SDK key is replaced by REDACTED, as in the history.");
    showResult(text, InlineMessage::Information);
    return true;
}

} // namespace hookbench
