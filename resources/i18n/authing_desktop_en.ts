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
        <source>Sign in to see your roles, organizations and the resources you may use.</source>
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
    <name>AccountPresenter</name>
    <message>
        <source>Codes are sent at most once a minute. Please wait before asking for another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user pool does not offer this operation (HTTP 404).</source>
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
        <source>A verification email was sent. Follow its instructions, then press Refresh.</source>
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
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current</source>
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
        <source>Code sent to the new value</source>
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
        <source>Saved {key}.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
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
        <source>Choose a data type.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormPresenter</name>
    <message>
        <source>Codes are sent at most once a minute. Please wait before asking for another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-in method is not set up for this user pool.</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the password</source>
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
    <name>PoolLauncher</name>
    <message>
        <source>Starting the local user pool…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local user pool could not start: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local user pool is ready at {url}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name parts</source>
        <translation type="unfinished"></translation>
    </message>
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
        <source>Unsaved changes</source>
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
        <source>Signed up through</source>
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
    <name>SecurityPage</name>
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
        <source>Security score</source>
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
    <name>SupportPage</name>
    <message>
        <source>Support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection profiles, language, where your data is kept, and how to report a problem.</source>
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
</TS>
