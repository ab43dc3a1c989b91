#pragma once

#include <QDialog>

namespace hookbench {

// Help > About Hookbench: what this is, its version (and Qt's), the licence and where to read
// more. Links open in the desktop's browser.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    static QString versionText(); // "Version 0.1.0 (Qt 6.4.2)"
};

} // namespace hookbench
