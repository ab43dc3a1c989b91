#pragma once

#include "settings/accountprofile.h"

#include <QDialog>

#include <memory>

namespace hookbench {

namespace Ui {
class AccountProfileDialog;
}

class SettingsSync;

// The endpoint's settings-file account (ui/accountprofiledialog.ui): account id, SDK key, base
// URL, timeout, auto-fetch. Validates as the user types; OK saves through SettingsSync (the
// SDK key into the keychain) and closes only once that worked, else says why and stays.
class AccountProfileDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AccountProfileDialog(SettingsSync *sync, QWidget *parent = nullptr);
    ~AccountProfileDialog() override;

    AccountProfile profile() const; // as edited
    QStringList problems() const { return m_problems; }

public Q_SLOTS:
    void save();

private:
    void validate();

    std::unique_ptr<Ui::AccountProfileDialog> m_ui;
    SettingsSync *m_sync;
    QStringList m_problems;
};

} // namespace hookbench
