<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AccessPage</name>
    <message>
        <source>No roles in this namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in no organization.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (main department)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are in no department.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You hold the role {code} in {namespace}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You do not hold the role {code} in {namespace}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}  (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your roles, organizations and the resources you may use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you may do: your roles, the resources granted to you, and where you belong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role code to check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether you hold this role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorized resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your departments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessPresenter</name>
    <message>
        <source>Please enter a namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a role code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your saved sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in account: {name}, {account}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountLinking</name>
    <message>
        <source>This app cannot open a browser here, so accounts cannot be linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the browser on this computer (no local port available).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the system browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser answered for a different attempt. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking in the browser took too long. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Server says: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load this page again from the server (F5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertSettingsCard</name>
    <message>
        <source>Sign-in alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>While the app runs it checks your sign-in history every few minutes and tells you about sign-ins from a new device or place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert me about new sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep watching from the system tray after the window closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the app when I log in to this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertSettingsPresenter</name>
    <message>
        <source>This desktop has no system tray, so the app cannot keep watching after its window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting at login is available on Linux desktops only for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The login start-up entry could not be written ({reason}). Check that your configuration folder is writable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertTray</name>
    <message>
        <source>{app}: watching your account for new sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message numerus="yes">
        <source>%n more alert(s) after this one</source>
        <translation>
            <numerusform>%n more alert after this one</numerusform>
            <numerusform>%n more alerts after this one</numerusform>
        </translation>
    </message>
    <message>
        <source>It was me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was me: trust this device from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wasn&apos;t me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wasn&apos;t me: secure my account now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>{shown} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications shown: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No loaded application matches the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no applications for you yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the applications you can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two lists: the applications you can open with this account (double-click one to open it in your browser), and under them the ones you are signed in to now, which you can sign out of everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications you can open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the loaded applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searches names, descriptions and addresses of the applications loaded so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the application in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load more applications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthingError</name>
    <message>
        <source>The server could not complete the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The service is busy. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account may not sign in to this application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-factor authentication is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your first sign-in: please set a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need to confirm it&apos;s you to do this. Try again and enter your password or a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please bind this identity to an existing account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusual activity on this account: please enter the captcha.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not read the encrypted password. Check the public key setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address is not verified yet. Open the verification email, or sign in another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has no password: sign in another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter a valid phone number or email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must have at least 6 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This application does not allow sign-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This phone number is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current email address does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current phone number does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password must be changed before you can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many sign-ups. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This email address is already in use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in is not valid. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This social account cannot be linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This social account cannot be unlinked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your only way to sign in, so it cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address is bound to this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user pool does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the email address with its own form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the phone number with its own form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please verify your current email address first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new email address is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new phone number is the same as the current one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some required information is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verification code has expired. Please request a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The authenticator code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two-step sign-in has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code was sent recently. Please wait a minute before asking again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is wrong or the request is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: this user pool does not offer this, or the item no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be done right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your network connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent an unexpected answer. Please try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent far more data than expected, so the app stopped reading it. Please try again later; if it keeps happening, tell the service&apos;s administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrowserSignIn</name>
    <message>
        <source>Sign-in with the browser is not available for this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in with the browser needs an OIDC application in this connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not prepare the browser sign-in on this computer (no local port available).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open the system browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser answered for a different sign-in attempt. Start the sign-in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long. Start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in in the browser failed. Start it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not complete the browser sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sign-in answer does not belong to this attempt. Start again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyMark</name>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptchaBox</name>
    <message>
        <source>(image not readable: refresh)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Characters in the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captcha image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show a new captcha image</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckupWording</name>
    <message>
        <source>Recovery phone and email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second step at sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices and sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent security events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked accounts and apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verified phone number or email address lets you reset your password and get back in if you are locked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery code gets you past the second step when your authenticator is not at hand. Keep it somewhere safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second step at sign-in stops someone who learned your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A long password that you use nowhere else, changed now and then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These devices are signed in to your account now. Sign out any you do not recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in attempts from other devices in the last 30 days. If one was not you, secure your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other accounts that can sign you in, and other applications you are signed in to. Remove what you do not use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We sent a link to {email}. Open it, then run the checkup again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified and ready to help you get back in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number or email address can help you get back in. Add one on the Phone &amp; email page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{email} is not verified yet, so it cannot help you get back in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number is not verified yet. Verify it on the Phone &amp; email page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have a recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no recovery code. Turning on an authenticator app gives you one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your authenticator has no recovery code. Make one and keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in asks for a second step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in asks only for your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your only second step is on one phone and you saved no recovery code: if you lose that phone, you are locked out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account has no password yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is easy to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password is strong but over a year old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only this device is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n other device(s) signed in.</source>
        <translation>
            <numerusform>%n other device signed in.</numerusform>
            <numerusform>%n other devices signed in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You recognised the %n other device(s).</source>
        <translation>
            <numerusform>You recognised the other device.</numerusform>
            <numerusform>You recognised the %n other devices.</numerusform>
        </translation>
    </message>
    <message>
        <source>No sign-in from another device in the last 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sign-in attempt(s) from other devices.</source>
        <translation>
            <numerusform>%n sign-in attempt from another device.</numerusform>
            <numerusform>%n sign-in attempts from other devices.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You said the %n attempt(s) were you.</source>
        <translation>
            <numerusform>You said the attempt was you.</numerusform>
            <numerusform>You said the %n attempts were you.</numerusform>
        </translation>
    </message>
    <message>
        <source>No other account or application is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) and application(s) connected.</source>
        <translation>
            <numerusform>%n account or application connected.</numerusform>
            <numerusform>%n accounts and applications connected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You use the %n connected one(s).</source>
        <translation>
            <numerusform>You use the connected one.</numerusform>
            <numerusform>You use all %n connected ones.</numerusform>
        </translation>
    </message>
    <message>
        <source>{sentence} {more}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the link again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to Phone &amp;&amp; email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a verification link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on two-step verification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are all mine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These were all me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I use all of these</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turned on two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent a verification link to your email</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n device(s)</source>
        <translation>
            <numerusform>Signed out %n device</numerusform>
            <numerusform>Signed out %n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlinked %n account(s)</source>
        <translation>
            <numerusform>Unlinked %n account</numerusform>
            <numerusform>Unlinked %n accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out of %n application(s)</source>
        <translation>
            <numerusform>Signed out of %n application</numerusform>
            <numerusform>Signed out of %n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reported %n sign-in(s) that were not you</source>
        <translation>
            <numerusform>Reported %n sign-in that was not you</numerusform>
            <numerusform>Reported %n sign-ins that were not you</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeButton</name>
    <message>
        <source>Resend in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a verification code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>The local user pool is not running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection settings are not valid: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Remove the phone number?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with {value} or receive codes there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the email address?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with {value} or recover your password by email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from current number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from current address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code sent to {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number is bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your phone number was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address is bound.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your email address was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verification email was sent. Open the link in the email, then press Refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the local pool, the link appears in its outbox (Support page, Outbox tab: select the message, then Open link).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the local pool, sent codes appear in its outbox (&apos;authing-desktop pool outbox&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &amp; email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to manage your phone number and email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your codes and account messages go; each can also sign you in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code for the new value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send verification email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a verification email</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authing Desktop ran into an unexpected problem. You can keep working; if something looks wrong, restart the app.

If it happens again, please send the report below to your administrator or the developers. It contains no passwords, codes or tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was also saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomDataPage</name>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the extra fields your organization keeps on your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed are the fields that have a value. To fill in another field your organization defined, type its key and choose its type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These are the fields your organization defined. Select one to set or remove your value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structured data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom data values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{type}, key {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {field} was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your {field} was removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra details your organization keeps on your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes or no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a new field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this field&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this field&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomDataPresenter</name>
    <message>
        <source>Enter a number, such as 42 or 3.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a date and time, such as 2024-05-01 08:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the field&apos;s key: up to 64 characters without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values of this type cannot be edited here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a data type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeleteAccountDialog</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account and everything in it (profile, custom data, sign-ins on every device) is deleted for good. Export your data first if you want a copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prove it is you with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof of identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {text} to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your account name to confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my account for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeviceRowView</name>
    <message>
        <source>This device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last active {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IP {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device id: {id}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Sign out everywhere else?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other device and app signed in to your account will have to sign in again. This device stays signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out this device?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} will have to sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices and sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see where your account is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Devices signed in to your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No devices yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out the selected device</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n device(s).</source>
        <translation>
            <numerusform>Signed out %n device.</numerusform>
            <numerusform>Signed out %n devices.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the device you are using: use Sign out on the Sign in page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your account is signed in, and when each device was last used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you do not recognise a device, sign it out and change your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out every device but this one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicesPresenter</name>
    <message>
        <source>Choose a device in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the device you are using: use Sign out on the Sign in page.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPresenter</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the local pool, sent codes appear in the outbox (Support page, or &apos;authing-desktop pool outbox&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormStatus</name>
    <message>
        <source>Server says: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>About {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The self-service center for your Authing account.

Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifierChecks</name>
    <message>
        <source>Please enter your email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password must have at least 6 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the verification code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code is made of digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the 6-digit code from your app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Network inspector</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>{count} calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by operation, code or message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the call list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API calls of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request (redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a call to see its request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Response (redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and its response.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkAccountDialog</name>
    <message>
        <source>Server says: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the account you want to merge into the one you are signed in with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method of the other account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in methods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the other account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the other account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: linking merges the other account into this one. The other account&apos;s own profile, custom data, roles and sign-in methods are not kept, and it can no longer be used on its own. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts are linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name}. Link it into your account?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkAccountPresenter</name>
    <message>
        <source>Please enter the username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the account you are signed in with. Sign in to the other one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to the account to link first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkableSourceView</name>
    <message>
        <source>Sign in to {provider} in your browser to link it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link {provider}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkedAccountView</name>
    <message>
        <source>(no name given)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked account: {provider}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink {provider}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkedAccounts</name>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenID Connect provider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LDAP directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkedAccountsPage</name>
    <message>
        <source>Linked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider} is linked. You can now sign in with it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{provider} is unlinked from your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking stopped. If you finish in the browser later, press Refresh to see the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink {provider}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with this {provider} account ({account}). You can link it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see the accounts linked to yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other accounts you can sign in with, such as WeChat. Unlink one you no longer use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts you can sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linking opens your browser. Sign in there, then come back here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No linked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link an account such as WeChat to sign in with it too, without your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every account this application offers is already linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish in your browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish in your browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for the browser</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkedAccountsPresenter</name>
    <message>
        <source>Choose an account to link from the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That {source} account is already linked to another user. Unlink it there first, or sign in to {source} with another account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account already has a {source} account linked. Unlink it first to link another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{source} was not linked. If you cancelled in the browser, you can try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a linked account in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your only way to sign in. Add a password, phone or email first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalPoolPresenter</name>
    <message>
        <source>Choose a scenario file first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an email, a phone number or a username for the user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied the scenario “{name}” from {file}: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the user {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario file cannot be used: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local pool did not accept {file}; nothing was changed. Fix the following in the file and apply it again:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local pool did not accept this; nothing was changed. Fix the following and try again:
{problems}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local user pool did not let this app change it (the pool may have been restarted by another program). Restart Authing Desktop and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local pool could not be reached: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LocalPoolTab</name>
    <message>
        <source>Apply which scenario?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario files (*.toml *.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the local pool up the way an Authing admin would, to reproduce what a user meets: see its settings, apply a scenario file, or create a user in a given state.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the local pool&apos;s admin settings make users meet. A scenario file changes them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings appear once the local pool answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the pool settings again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply a scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scenario file (TOML or JSON) describes custom fields, roles, departments, applications, settings and users in their states. It is checked first and applied whole, or not at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forced-reset.toml</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the scenario file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply the scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user in the state you pick, for example one who must change the password at the next sign-in. An email, a phone number or a username is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the new user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator secret of the new user (base32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: turns two-step sign-in on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email is verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number is verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must set a new password at the first sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must change the password at the next sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocked: cannot sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginHistory</name>
    <message>
        <source>The password was right; the second step was asked for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sign-in was refused.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginHistoryPage</name>
    <message>
        <source>{succeeded} successful and {failed} failed sign-ins over {days} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see when and where your account was used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Successful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second step asked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{method}, then {factor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device}
IP {address}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server said: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Page {page} of {pages} · %n attempt(s)</source>
        <translation>
            <numerusform>Page {page} of {pages} · %n attempt</numerusform>
            <numerusform>Page {page} of {pages} · %n attempts</numerusform>
        </translation>
    </message>
    <message>
        <source>When and from where someone tried to sign in to your account, and whether it worked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which attempts to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in attempts per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-in attempts in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local pool: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool: ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool: failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The local user pool did not let this app read its outbox (the pool may have been restarted by another program). Restart Authing Desktop and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The outbox could not be read: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutboxTab</name>
    <message>
        <source>The outbox exists only for the built-in local pool: other pools really send their codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No codes sent yet. Codes the local pool sends appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes the local pool sent, newest first (refreshed every 2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the verification link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codes the local pool sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasskeyDialog</name>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the key&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the key so you can tell it from others, then touch it when asked. If the key has a PIN, you will be asked for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name only helps you tell your keys apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Blue USB key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasskeyKind</name>
    <message>
        <source>Security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fingerprint on a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Face recognition on a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey on a device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey on a phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasskeyRowView</name>
    <message>
        <source>{kind} · Added {added} · {used}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(date unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Passkeys</name>
    <message>
        <source>The key was added, but the user pool does not list it. Refresh the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user pool accepted the key, but does not let the app sign in with it. Sign in with your password instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user pool does not accept a security key as the second step here. Choose another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user pool did not accept the key&apos;s answer. Try again; if it keeps happening, remove the key and add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account this key belonged to no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasskeysCard</name>
    <message>
        <source>Passkeys and security keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in by touching a security key instead of typing a password. Add a second key and keep it safe: losing your only key then does not lock you out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No security key yet. Add one to sign in without your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a security key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasskeysPresenter</name>
    <message>
        <source>Last used: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the key a name, e.g. &quot;Blue USB key&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>A name has at most %n character.</numerusform>
            <numerusform>A name has at most %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strength: {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>meets the pool&apos;s password policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected by the pool&apos;s policy: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>Very weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyWording</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After %n failure(s) within {window}</source>
        <translation>
            <numerusform>After %n failure within {window}</numerusform>
            <numerusform>After %n failures within {window}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>Every day</numerusform>
            <numerusform>Every %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n digit</numerusform>
            <numerusform>%n digits</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email sign-in needs a verified email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New emails count as verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the email needs a code sent to the old one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the phone needs a code sent to the old one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captcha after failed sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account locks after wrong passwords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most {count} within {window}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-up rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm it&apos;s you again after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passwords must be changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoolLauncher</name>
    <message>
        <source>The local user pool could not start: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local user pool is ready at {url}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local user pool stopped unexpectedly. Restart the app to start it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool (built in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remote Authing user pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User pool ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public key (optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Contact and address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language and region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Formatted address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Province</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone country code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 64 characters without spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at most {count} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose one of the listed values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use the form YYYY-MM-DD.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>enter a web address starting with http:// or https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a language tag such as zh-CN or en-US.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a time zone name such as Asia/Shanghai.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Profile saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accounts are linked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see and edit your profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User ID copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How you appear to the apps you sign in to: your name, photo and details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the user ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the profile photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the web address of a picture, then Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>More details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the other profile fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other names, address, language and region, device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changed fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send only the fields you changed (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo the unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have a second account in this user pool? Merge it into this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link another account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every API call of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Enter a name of at most 80 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the local pool or a remote pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a local pool profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the app&apos;s address, e.g. https://example.authing.cn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;_&apos; or &apos;-&apos; only (at most 64).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the app id or the user pool id (or both).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a PEM public key (BEGIN PUBLIC KEY … END).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That connection profile does not exist any more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That account is not remembered for this profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last connection profile cannot be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfilesTab</name>
    <message>
        <source>built-in local pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{profile} (in use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the connection profile “{name}”? Its saved sign-ins are deleted from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered accounts of the active profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <source>Reset your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We send a verification code to your email address or phone; with it you choose a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code by SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where to send the code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodeControls</name>
    <message>
        <source>A new recovery code was made; the old one no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Making…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your current recovery code stops working as soon as the new one is made. To confirm it is you, type the code your authenticator app shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code shown by the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your new recovery code; the old one no longer works. If you lose your phone, it signs you in once. Keep it somewhere safe: it is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodePresenter</name>
    <message>
        <source>This code does not match. Type the current code from your app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodeSaver</name>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code for two-step verification (works once):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save it: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery code to a file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKitPrinter</name>
    <message>
        <source>Save the recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this page somewhere safe. If you lose the phone with your authenticator app, the recovery code signs you in once; a new code is then shown, and this one no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code made {date}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save it: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery kit saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print kit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the recovery kit as a PDF to print</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>This flow was recorded with the scenario “{name}”. Put its file ({name}.toml or {name}.json) next to the transcript, or in a “scenarios” folder beside it, and replay again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scenario of this transcript cannot be used: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That pool did not let the replay read the codes it sent: only this app&apos;s own local pool, or a fresh one, can be used. Leave the pool address empty to replay on a fresh pool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The replay could not run: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplayDiffView</name>
    <message>
        <source>{count} call(s) ended differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All replayed calls matched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls that ended differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Set a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first sign-in of {account}: please choose your own password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of {account} must be changed before you can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecondFactorDialog</name>
    <message>
        <source>Two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{account} has two-step verification on. Confirm it is you with a second factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account has two-step verification on. Confirm it is you with a second factor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second factor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a security key instead of a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert the security key you added to this account, then touch it when it blinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed in. Your recovery code was used up: this is your NEW recovery code. Keep it somewhere safe, it is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your authenticator app and type the 6-digit code it shows for this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the recovery code you saved when you turned on two-step verification. It works once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a code to {destination} and type it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecondFactorPresenter</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recovery code has letters, digits and dashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecureAccountDialog</name>
    <message>
        <source>Secure your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone may have signed in as you from {device}. These steps lock them out; this computer stays signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Sign out every other device and session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Choose a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Replace your authenticator app&apos;s key and get a new recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out other devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out every other device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other devices are signed out. Now choose a new password: the old one stops working at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password (to confirm it&apos;s you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last step: your authenticator app gets a new key. The old key&apos;s codes stop working, and you get a new recovery code to keep. Have your phone ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up a new authenticator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the old authenticator and set up a new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop here and keep what is done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecureAccountPresenter</name>
    <message>
        <source>Please enter your current password to confirm it&apos;s you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n other device(s). Their sessions no longer work.</source>
        <translation>
            <numerusform>Signed out %n other device. Its sessions no longer work.</numerusform>
            <numerusform>Signed out %n other devices. Their sessions no longer work.</numerusform>
        </translation>
    </message>
    <message>
        <source>Other devices were NOT signed out (the request failed). Try again from Devices and sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other devices were not signed out (skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other devices were not signed out (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed. The old password no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password not changed (skipped). Change it on the Security page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password not changed (cancelled). Change it on the Security page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification reset: the old authenticator&apos;s codes no longer work, and you have a new recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification is off, so there was nothing to reset. Consider turning it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The old authenticator was removed, but no new one was set up: two-step verification is OFF. Turn it on again on the Security page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification not reset (skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification not reset (cancelled).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityChecklist</name>
    <message>
        <source>Password set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a stronger password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number bound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Multi-factor authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set up multi-factor authentication</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityCheckupDialog</name>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See the summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looks good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{step}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security Checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityKey</name>
    <message>
        <source>No security key was found. Plug in your key (or hold it to the reader) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A security key is plugged in, but Linux does not let this app use it. Install the udev rule for FIDO keys and add yourself to the plugdev group (see &quot;Passkeys&quot; in the README), then unplug the key and plug it in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version of Windows cannot use security keys from apps. Windows 10 version 1903 or later is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key was not touched in time. Try again, and touch the key when its light blinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key needs its PIN to continue. Try again and enter the PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PIN was wrong. Try again; after several wrong PINs the key locks itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is locked after too many wrong PINs. Reset it with its maker&apos;s tool (this erases its keys).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key asks for a PIN, but none is set. Set a PIN with its maker&apos;s tool first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not registered for this account here. Sign in another way, then add the key on the Security page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is already added to your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key does not support what the user pool asks for. Try another key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user pool&apos;s address cannot be used with security keys: it must use https (or be this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another request to the security key is still running. Finish or cancel it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The security key did not answer as expected. Unplug it, plug it in again and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityKeyPinDialog</name>
    <message>
        <source>Security key PIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your security key is protected by a PIN. Enter it to continue; the key checks it, the app does not keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several wrong PINs in a row lock the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the PIN to the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel: do not use the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>A security key PIN has at least %n characters.</source>
        <translation>
            <numerusform>A security key PIN has at least %n character.</numerusform>
            <numerusform>A security key PIN has at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Two-step verification is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off two-step verification?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in will only ask for your password again, and your recovery code stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available in this version yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security score: {score} of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How well your account is protected, and the ways you sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a security checkup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ways to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to see your security level and change your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>of 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed “{name}”. It can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added “{name}”. You can sign in with it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renamed to “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key will no longer sign in to your account. You can add it again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage your passkeys and security keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone &amp;&amp; email…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage your phone number and email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityPresenter</name>
    <message>
        <source>Please enter your current password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user pool&apos;s password policy does not accept this password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a password the user pool accepts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Not connected to the user pool yet. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved sign-in could not be checked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your saved sign-in is no longer valid. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file could not be read ({reason}), so the defaults are used. The old file was kept as {backup}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInAlertsPresenter</name>
    <message numerus="yes">
        <source>%n failed sign-in attempt(s) on your account</source>
        <translation>
            <numerusform>%n failed sign-in attempt on your account</numerusform>
            <numerusform>%n failed sign-in attempts on your account</numerusform>
        </translation>
    </message>
    <message>
        <source>New sign-in to your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest from {device} at {place} ({when}). If this was not you, someone may be guessing your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} at {place} ({when}). If this was not you, secure your account now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The latest from {device} at {place} ({when}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{device} at {place} ({when}). Was this you?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInMethods</name>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a password below to sign in with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set: a longer password with more kinds of characters is harder to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set, and strong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passkeys and security keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in by touching your security key, no password needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a security key to sign in without typing your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in also asks for a code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a code from an app to your password, so a stolen password alone cannot sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS or email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a code sent to your phone or your email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a code sent to your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a code sent to your email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a phone number or an email address to get codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made {date}. Signs you in once if you lose your phone, and gives you a new one. Lost it? Make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs you in once if you lose your phone, and gives you a new one. Lost it? Make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes with the authenticator app: turn that on first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInPresenter</name>
    <message>
        <source>Please enter your username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your account name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please type the characters shown in the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That was not the text in the picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The captcha was wrong. Type the characters in the new picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in stopped: the second step was not completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need to set a new password before you can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your new password is set.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Choose a recent account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking your saved sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for your security key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with a security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are connected to the built-in local user pool: everything stays on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone and SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LDAP directory account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active Directory account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +86 138 0013 8000</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account if it does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps you signed in; the token is stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch a security key you added on the Security page: no password needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop waiting for the security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the demo account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool: no real SMS or email is sent. Codes appear in the outbox (Support page, or run &apos;authing-desktop pool outbox&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LDAP user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AD user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With a phone number (SMS code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to sign up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignUpPresenter</name>
    <message>
        <source>Please choose a username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username cannot contain spaces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedInAppsCard</name>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last access: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application has a sign-in yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} will have to be signed in to again on every computer and browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is this app: this computer is signed out too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this app everywhere?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed out of {app} everywhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applications your account is signed in to now, on any computer or browser, and when each was last used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of this app everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of the selected app everywhere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedInAppsPresenter</name>
    <message>
        <source>Choose an application in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You signed out of this application everywhere, on this computer too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignedInView</name>
    <message>
        <source>You are signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {name} ({account}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Looks good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed attempt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wasn&apos;t me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This wasn&apos;t me: {attempt}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed-in application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepUp</name>
    <message>
        <source>Export your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or remove a passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlink an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out other devices or apps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a sensitive change to your account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepUpDialog</name>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{action}: confirm it&apos;s you first. This keeps your account safe if someone else uses this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How to confirm it&apos;s you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key when it blinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator app code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepUpPresenter</name>
    <message>
        <source>This way is not available for your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong tries: this way is locked for a while. Wait a few minutes or confirm another way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password is not right. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That code is not right. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key when it blinks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This key is not one of your account&apos;s keys. Use another key, or confirm another way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Checkup complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkup summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every step looks good.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryWording</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n user</numerusform>
            <numerusform>%n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n custom field(s)</source>
        <translation>
            <numerusform>%n custom field</numerusform>
            <numerusform>%n custom fields</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n role</numerusform>
            <numerusform>%n roles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s) and department(s)</source>
        <translation>
            <numerusform>%n organization or department</numerusform>
            <numerusform>%n organizations and departments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n application</numerusform>
            <numerusform>%n applications</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s)</source>
        <translation>
            <numerusform>%n setting</numerusform>
            <numerusform>%n settings</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For support staff: the app&apos;s calls to the server, the local pool&apos;s outbox, connection profiles, flows recorded and replayed, and the local pool&apos;s setup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript &amp;&amp; replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tools</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No system keychain available: you will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptTab</name>
    <message>
        <source>Save transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcripts (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcripts (*.json *.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a transcript file to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording… {count} call(s) so far. Secrets are replaced as they are recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded {count} call(s). Save the transcript to keep or replay it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An unfinished recording was found (the app stopped while recording). Recover it to save it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record what you do, then save it as a redacted transcript.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying {count} call(s) on a fresh local pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaying {count} call(s)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{matching} of {total} outcome codes match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flow transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover the unfinished recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transcript file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool URL (empty: a fresh local pool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pool to replay on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay the transcript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replay outcomes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwoStepEnrolDialog</name>
    <message>
        <source>Turn on two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…). From then on, signing in asks for the app&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot scan? Type this key into the app instead:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code shown by the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the code and turn on two-step verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-step verification is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your recovery code. If you lose your phone, it signs you in once (and gives you a new one). Keep it somewhere safe: it is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwoStepPresenter</name>
    <message>
        <source>Start again: the set-up was closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code does not match. Check the time on your phone and type the current code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have changes that are not saved yet. Save them now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of the app and of the server&apos;s messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light or dark colours; the system setting is followed until you choose</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone and SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LDAP directory account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active Directory account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security key or passkey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up with email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up with a username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up with a phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up with WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added by an administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed up with another account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created another way</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{browser} on {system}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sign in to open this page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YourDataPage</name>
    <message>
        <source>Export to which folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading {section}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>organizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting your account signs you out everywhere and cannot be undone. You will prove it is you and type your account name to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to export your data or delete your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take a copy of what your account holds, or close the account for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a copy of everything your account holds: profile, custom data, roles, organizations, departments, resources, applications, devices and login history. One JSON file, and a CSV file for each table. No password, token or code is included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported to {folder} (data.json and %n CSV file(s)).</source>
        <translation>
            <numerusform>Exported to {folder} (data.json and %n CSV file).</numerusform>
            <numerusform>Exported to {folder} (data.json and %n CSV files).</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the folder of the export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete my account…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YourDataPresenter</name>
    <message>
        <source>Choose an existing folder to export to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You need to confirm it&apos;s you to export your data. Try again and enter your password or a code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files could not be written: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This proof is not available for your account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please enter the verification code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type {text} exactly to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account was deleted. You are signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
