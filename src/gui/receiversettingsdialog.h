#pragma once

#include "receiver/receiverconfig.h"

#include <QDialog>

class QLineEdit;

#include <functional>
#include <memory>

namespace hookbench {

namespace Ui {
class ReceiverSettingsDialog;
}

// The receiver's address, port, path and response override (ui/receiversettingsdialog.ui).
// Validates as the user types: a message names the bad field and OK stays disabled
// until every field is acceptable.
class ReceiverSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReceiverSettingsDialog(QWidget *parent = nullptr);
    ~ReceiverSettingsDialog() override;

    // Only host, port, path and response are edited; every other field of the config
    // given to setConfig() comes back unchanged.
    ReceiverConfig config() const;
    void setConfig(const ReceiverConfig &config);

    // With endpoints (issue 8) the path and the override are the default endpoint's: the
    // labels say so, and `pathCheck` names what else is wrong with a path (it clashes with
    // another endpoint's); empty when fine.
    void setDefaultEndpointMode(std::function<QString(const QString &path)> pathCheck);

    bool isInputValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; } // one line per bad field

protected:
    void showEvent(QShowEvent *event) override;

private:
    void validate();
    void updateEndpointUrl();
    void setUpHttps(); // receiversettingsdialoghttps.cpp
    TlsChoice httpsChoice() const;
    void setHttpsChoice(const TlsChoice &choice);
    void validateHttps();
    void browse(QLineEdit *edit, const QString &title);

    std::unique_ptr<Ui::ReceiverSettingsDialog> m_ui;
    ReceiverConfig m_config;
    QStringList m_problems;
    std::function<QString(const QString &)> m_pathCheck;
    bool m_sized = false;
};

} // namespace hookbench
