// DiffWindow's files: Open Old / Open New, and drops (two files, or one onto either half).

#include "diffwindow.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QSettings>

namespace hookbench {

namespace {

// JsonTree addresses its source with 32-bit offsets; far beyond any settings file anyway.
constexpr qint64 MaxFileBytes = qint64(1) << 30;

QStringList localFiles(const QMimeData *mime)
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile())
            return {};
        files.append(url.toLocalFile());
    }
    return files;
}

} // namespace

bool DiffWindow::readFile(const QString &path, ComparisonSide *side)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    QString error;
    if (QFileInfo(path).isDir())
        error = tr("%1 is a folder, not a file").arg(shown);
    else if (!file.open(QIODevice::ReadOnly))
        error = tr("Cannot read %1: %2").arg(shown, file.errorString());
    else if (file.size() > MaxFileBytes)
        error = tr("%1 is larger than 1 GiB").arg(shown);
    if (error.isEmpty()) {
        side->bytes = file.readAll();
        if (file.error() != QFile::NoError)
            error = tr("Cannot read %1: %2").arg(shown, file.errorString());
    }
    if (!error.isEmpty()) {
        showError(error + QLatin1Char('.'));
        return false;
    }
    side->name = shown;
    return true;
}

void DiffWindow::compareFiles(const QString &oldPath, const QString &newPath)
{
    ComparisonSide oldSide;
    ComparisonSide newSide;
    if (readFile(oldPath, &oldSide) && readFile(newPath, &newSide))
        compare(std::move(oldSide), std::move(newSide));
}

void DiffWindow::openFile(bool oldSide, const QString &path)
{
    ComparisonSide side;
    if (!readFile(path, &side))
        return;
    (oldSide ? m_old : m_new) = std::move(side);
    restart();
}

void DiffWindow::chooseFile(bool oldSide)
{
    const QString key = QStringLiteral("diff/lastFolder");
    const QString path = QFileDialog::getOpenFileName(
        this, oldSide ? tr("Open the Old File") : tr("Open the New File"),
        QSettings().value(key).toString(), tr("JSON files (*.json);;All files (*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(key, QFileInfo(path).absolutePath());
    openFile(oldSide, path);
}

void DiffWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const qsizetype count = localFiles(event->mimeData()).size();
    if (count == 1 || count == 2)
        event->acceptProposedAction();
}

void DiffWindow::dropEvent(QDropEvent *event)
{
    const QStringList files = localFiles(event->mimeData());
    if (files.size() == 2) {
        compareFiles(files.at(0), files.at(1));
    } else if (files.size() == 1) {
        // One file replaces the side it was dropped on.
        const bool left = event->position().x() < width() / 2.0;
        openFile(left, files.first());
    } else {
        return;
    }
    event->acceptProposedAction();
}

} // namespace hookbench
