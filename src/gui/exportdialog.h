#pragma once

#include "events/eventfilter.h"
#include "export/eventexporter.h"

#include <QDialog>
#include <QList>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QRadioButton;

namespace hookbench {

// "Export Events": scope (selected / filtered / all), format (JSON Lines / HAR 1.2) and, for HAR,
// whether to reveal webhook keys; then a save-file dialog and the export itself on
// EventExporter's thread behind a cancellable progress dialog. The main window calls run().
class ExportDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Scope { Selected, Filtered, All };

    ExportDialog(const QString &databasePath, const QList<qint64> &selectedIds,
                 const EventFilter &filter, qint64 filteredCount, qint64 totalCount,
                 QWidget *parent = nullptr);

    // The whole flow, modal: options, file name, export with progress, success/failure message.
    // Returns true when a file was written.
    static bool run(QWidget *parent, const QString &databasePath, const QList<qint64> &selectedIds,
                    const EventFilter &filter, qint64 filteredCount, qint64 totalCount);

    Scope scope() const;
    void setScope(Scope scope);
    EventExporter::Format format() const;
    void setFormat(EventExporter::Format format);
    bool revealSecrets() const;
    void setRevealSecrets(bool reveal);
    bool isScopeEnabled(Scope scope) const;
    bool canExport() const; // the OK button's state

    // Set: run() skips the save-file dialog (tests, scripted use).
    void setTargetPath(const QString &path);
    QString targetPath() const;

    EventExporter::Request request(const QString &targetPath) const;
    // "hookbench-YYYYMMDD-HHMMSS.jsonl" / ".har", local time.
    static QString suggestedFileName(EventExporter::Format format, const QDateTime &at);

    // Runs the export with a progress dialog (blocking in a local event loop, the GUI stays live).
    // Returns true on success; message() then says what was written, or why not.
    bool exportTo(const QString &path);
    QString message() const;

private:
    void updateState();
    QString askTargetPath();

    QString m_databasePath;
    QList<qint64> m_selectedIds;
    EventFilter m_filter;
    qint64 m_filteredCount = 0;
    qint64 m_totalCount = 0;
    QString m_targetPath;
    QString m_message;

    QRadioButton *m_selected = nullptr;
    QRadioButton *m_filtered = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_jsonl = nullptr;
    QRadioButton *m_har = nullptr;
    QCheckBox *m_reveal = nullptr;
    QLabel *m_revealWarning = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hookbench
