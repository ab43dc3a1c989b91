#pragma once

#include <QDialog>
#include <QStringList>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hookbench {

class InlineMessage;

// Endpoint > Rename…: the new name, checked as it is typed (letters, digits, '.', '_', '-'; not
// taken). OK starts the rename (EndpointDirectory::rename: asynchronous, it moves the secrets)
// and the dialog waits for it; a failure is shown and the typed name stays.
class RenameEndpointDialog : public QDialog
{
    Q_OBJECT
public:
    using Finished = std::function<void(const QString &error)>;
    using Rename = std::function<void(const QString &to, Finished finished)>;

    RenameEndpointDialog(const QString &from, const QStringList &taken, QWidget *parent = nullptr);

    void setRename(Rename rename);
    QString newName() const;
    QString problem() const { return m_problem; }

public Q_SLOTS:
    void submit();

private:
    void validate();

    QString m_from;
    QStringList m_taken;
    QLineEdit *m_edit;
    QLabel *m_error;
    InlineMessage *m_message;
    QDialogButtonBox *m_buttons;
    Rename m_rename;
    QString m_problem;
    bool m_busy = false;
};

} // namespace hookbench
