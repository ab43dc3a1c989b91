#pragma once

#include "events/event.h"

#include <QWidget>

class QCheckBox;
class QPushButton;
class QTableWidget;

namespace hookbench {

// An editable list of request headers: a Name/Value table with Add, Remove and "Reveal
// secrets". The
// x-vwo-auth value shows as a fixed-length mask until secrets are revealed; it can still be
// edited while masked (the editor then hides what is typed). Values that were not edited
// come back as their original bytes, whatever their encoding.
class HeaderEditor : public QWidget
{
    Q_OBJECT
public:
    explicit HeaderEditor(QWidget *parent = nullptr);

    void setHeaders(const HeaderList &headers);
    // Every row in table order, empty rows included, so "header N" in a validation
    // message is row N.
    HeaderList headers() const;

    bool secretsRevealed() const { return m_revealed; }
    void setSecretsRevealed(bool revealed);

    static bool isSecretHeader(QByteArrayView name);

public Q_SLOTS:
    void addRow(); // appends an empty row and starts editing its name
    void removeSelectedRows();

Q_SIGNALS:
    void changed();

private:
    void appendRow(const QByteArray &name, const QByteArray &value);
    void refreshRow(int row); // the value cell's text: masked or not
    void updateButtons();

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QCheckBox *m_reveal;
    bool m_revealed = false;
    bool m_updating = false;
};

} // namespace hookbench
