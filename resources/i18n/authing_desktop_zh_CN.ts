<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessPage</name>
    <message>
        <source>No roles in this namespace.</source>
        <translation>此命名空间中没有角色。</translation>
    </message>
    <message>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
    <message>
        <source>You are in no organization.</source>
        <translation>你不属于任何组织。</translation>
    </message>
    <message>
        <source>{name} (main department)</source>
        <translation>{name}（主部门）</translation>
    </message>
    <message>
        <source>You are in no department.</source>
        <translation>你不属于任何部门。</translation>
    </message>
    <message>
        <source>You hold the role {code} in {namespace}.</source>
        <translation>你在 {namespace} 中拥有角色 {code}。</translation>
    </message>
    <message>
        <source>You do not hold the role {code} in {namespace}.</source>
        <translation>你在 {namespace} 中没有角色 {code}。</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>访问权限</translation>
    </message>
    <message>
        <source>{name}  (you)</source>
        <translation>{name}（你）</translation>
    </message>
    <message>
        <source>Sign in to see your roles, organizations and the resources you may use.</source>
        <translation>登录后可查看你的角色、组织和可使用的资源。</translation>
    </message>
    <message>
        <source>What you may do: your roles, the resources granted to you, and where you belong.</source>
        <translation>你能做什么：你的角色、授予你的资源，以及你所属的组织。</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>命名空间</translation>
    </message>
    <message>
        <source>Known namespaces</source>
        <translation>已知命名空间</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Your roles</source>
        <translation>你的角色</translation>
    </message>
    <message>
        <source>Check a role</source>
        <translation>检查角色</translation>
    </message>
    <message>
        <source>Role code</source>
        <translation>角色代码</translation>
    </message>
    <message>
        <source>Role code to check</source>
        <translation>要检查的角色代码</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Check whether you hold this role</source>
        <translation>检查你是否拥有此角色</translation>
    </message>
    <message>
        <source>Authorized resources</source>
        <translation>已授权资源</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Resource type</source>
        <translation>资源类型</translation>
    </message>
    <message>
        <source>Resource types</source>
        <translation>资源类型列表</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Your organizations</source>
        <translation>你的组织</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Your departments</source>
        <translation>你的部门</translation>
    </message>
</context>
<context>
    <name>AccessPresenter</name>
    <message>
        <source>Please enter a namespace.</source>
        <translation>请输入命名空间。</translation>
    </message>
    <message>
        <source>Please enter a role code.</source>
        <translation>请输入角色代码。</translation>
    </message>
</context>
<context>
    <name>AccountHeader</name>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Checking your saved sign-in…</source>
        <translation>正在检查已保存的登录…</translation>
    </message>
    <message>
        <source>Sign in to see your account.</source>
        <translation>登录后即可查看你的账号。</translation>
    </message>
    <message>
        <source>Your account</source>
        <translation>你的账号</translation>
    </message>
    <message>
        <source>Profile picture</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Signed-in account: {name}, {account}</source>
        <translation>已登录账号：{name}，{account}</translation>
    </message>
</context>
<context>
    <name>AccountLinking</name>
    <message>
        <source>This app cannot open a browser here, so accounts cannot be linked.</source>
        <translation>此应用无法在这里打开浏览器，因此无法关联账号。</translation>
    </message>
    <message>
        <source>Could not prepare the browser on this computer (no local port available).</source>
        <translation>无法在这台电脑上准备浏览器（没有可用的本地端口）。</translation>
    </message>
    <message>
        <source>Could not open the system browser.</source>
        <translation>无法打开系统浏览器。</translation>
    </message>
    <message>
        <source>The browser answered for a different attempt. Start again.</source>
        <translation>浏览器返回的是另一次操作的结果。请重新开始。</translation>
    </message>
    <message>
        <source>Linking in the browser took too long. Start again.</source>
        <translation>在浏览器中关联用时过长。请重新开始。</translation>
    </message>
</context>
<context>
    <name>AccountPage</name>
    <message>
        <source>Server says: {text}</source>
        <translation>服务器返回：{text}</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Refresh this page</source>
        <translation>刷新此页面</translation>
    </message>
    <message>
        <source>Load this page again from the server (F5)</source>
        <translation>从服务器重新加载此页面（F5）</translation>
    </message>
</context>
<context>
    <name>AlertSettingsCard</name>
    <message>
        <source>Sign-in alerts</source>
        <translation>登录提醒</translation>
    </message>
    <message>
        <source>While the app runs it checks your sign-in history every few minutes and tells you about sign-ins from a new device or place.</source>
        <translation>应用运行期间每隔几分钟检查一次你的登录历史，发现来自新设备或新地点的登录时提醒你。</translation>
    </message>
    <message>
        <source>Alert me about new sign-ins</source>
        <translation>有新的登录时提醒我</translation>
    </message>
    <message>
        <source>Keep watching from the system tray after the window closes</source>
        <translation>关闭窗口后在系统托盘中继续监视</translation>
    </message>
    <message>
        <source>Start the app when I log in to this computer</source>
        <translation>登录这台电脑时启动本应用</translation>
    </message>
</context>
<context>
    <name>AlertSettingsPresenter</name>
    <message>
        <source>This desktop has no system tray, so the app cannot keep watching after its window closes.</source>
        <translation>此桌面没有系统托盘，因此窗口关闭后应用无法继续监视。</translation>
    </message>
    <message>
        <source>Starting at login is available on Linux desktops only for now.</source>
        <translation>登录时启动目前仅支持 Linux 桌面。</translation>
    </message>
    <message>
        <source>The login start-up entry could not be written ({reason}). Check that your configuration folder is writable.</source>
        <translation>无法写入登录启动项（{reason}）。请检查配置文件夹是否可写。</translation>
    </message>
</context>
<context>
    <name>AlertTray</name>
    <message>
        <source>{app}: watching your account for new sign-ins</source>
        <translation>{app}：正在监视你的账号是否有新的登录</translation>
    </message>
    <message>
        <source>&amp;Open {app}</source>
        <translation>打开 {app}(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>AlertsPanel</name>
    <message numerus="yes">
        <source>%n more alert(s) after this one</source>
        <translation>
            <numerusform>此后还有 %n 条提醒</numerusform>
        </translation>
    </message>
    <message>
        <source>It was me</source>
        <translation>是我本人</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提醒</translation>
    </message>
    <message>
        <source>It was me: trust this device from now on</source>
        <translation>是我本人：今后信任此设备</translation>
    </message>
    <message>
        <source>Dismiss this alert</source>
        <translation>关闭此提醒</translation>
    </message>
    <message>
        <source>This wasn&apos;t me</source>
        <translation>不是我</translation>
    </message>
    <message>
        <source>This wasn&apos;t me: secure my account now</source>
        <translation>不是我：立即保护我的账号</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
    </message>
    <message>
        <source>Applications shown: {count}</source>
        <translation>显示的应用：{count}</translation>
    </message>
    <message>
        <source>No loaded application matches the search.</source>
        <translation>已加载的应用中没有匹配的结果。</translation>
    </message>
    <message>
        <source>There are no applications for you yet.</source>
        <translation>你目前还没有可用的应用。</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Sign in to see the applications you can open.</source>
        <translation>登录后可查看你可以打开的应用。</translation>
    </message>
    <message>
        <source>Two lists: the applications you can open with this account (double-click one to open it in your browser), and under them the ones you are signed in to now, which you can sign out of everywhere.</source>
        <translation>两个列表：此账号可以打开的应用（双击即可在浏览器中打开），以及下方当前已登录的应用（可以在所有设备上退出登录）。</translation>
    </message>
    <message>
        <source>Applications you can open</source>
        <translation>可以打开的应用</translation>
    </message>
    <message>
        <source>Search the loaded applications</source>
        <translation>搜索已加载的应用</translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation>搜索应用</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>清除搜索</translation>
    </message>
    <message>
        <source>Searches names, descriptions and addresses of the applications loaded so far</source>
        <translation>在目前已加载的应用的名称、描述和地址中搜索</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Open the application in the browser</source>
        <translation>在浏览器中打开此应用</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <source>Load more applications</source>
        <translation>加载更多应用</translation>
    </message>
</context>
<context>
    <name>AuthingError</name>
    <message>
        <source>The server could not complete the request.</source>
        <translation>服务器无法完成该请求。</translation>
    </message>
    <message>
        <source>The service is busy. Please try again later.</source>
        <translation>服务繁忙，请稍后再试。</translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation>你没有权限执行此操作。</translation>
    </message>
    <message>
        <source>This account may not sign in to this application.</source>
        <translation>该账号无权登录此应用。</translation>
    </message>
    <message>
        <source>Multi-factor authentication is required.</source>
        <translation>需要进行多因素认证。</translation>
    </message>
    <message>
        <source>This is your first sign-in: please set a new password.</source>
        <translation>这是你首次登录：请设置新密码。</translation>
    </message>
    <message>
        <source>You need to confirm it&apos;s you to do this. Try again and enter your password or a code.</source>
        <translation>需要先确认是你本人才能进行此操作。请重试，并输入密码或验证码。</translation>
    </message>
    <message>
        <source>Please bind this identity to an existing account.</source>
        <translation>请将此身份绑定到已有账号。</translation>
    </message>
    <message>
        <source>Unusual activity on this account: please enter the captcha.</source>
        <translation>该账号存在异常活动：请输入图形验证码。</translation>
    </message>
    <message>
        <source>The verification code is wrong.</source>
        <translation>验证码错误。</translation>
    </message>
    <message>
        <source>The email address is not valid.</source>
        <translation>邮箱地址无效。</translation>
    </message>
    <message>
        <source>This account does not exist.</source>
        <translation>该账号不存在。</translation>
    </message>
    <message>
        <source>This account is locked.</source>
        <translation>该账号已被锁定。</translation>
    </message>
    <message>
        <source>Wrong account or password.</source>
        <translation>账号或密码错误。</translation>
    </message>
    <message>
        <source>The server could not read the encrypted password. Check the public key setting.</source>
        <translation>服务器无法解密密码，请检查公钥设置。</translation>
    </message>
    <message>
        <source>You are not signed in. Please sign in again.</source>
        <translation>你尚未登录，请重新登录。</translation>
    </message>
    <message>
        <source>Your email address is not verified yet. Open the verification email, or sign in another way.</source>
        <translation>你的邮箱尚未验证。请打开验证邮件，或换一种方式登录。</translation>
    </message>
    <message>
        <source>This account already exists.</source>
        <translation>该账号已存在。</translation>
    </message>
    <message>
        <source>This account has no password: sign in another way.</source>
        <translation>该账号未设置密码：请使用其他方式登录。</translation>
    </message>
    <message>
        <source>Please enter a valid phone number or email.</source>
        <translation>请输入有效的手机号或邮箱。</translation>
    </message>
    <message>
        <source>The password must have at least 6 characters.</source>
        <translation>密码至少需要 6 个字符。</translation>
    </message>
    <message>
        <source>This application does not allow sign-up.</source>
        <translation>此应用不允许注册。</translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation>请设置密码。</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>该用户名已被占用。</translation>
    </message>
    <message>
        <source>This phone number is already in use.</source>
        <translation>该手机号已被使用。</translation>
    </message>
    <message>
        <source>The current email address does not match.</source>
        <translation>当前邮箱不匹配。</translation>
    </message>
    <message>
        <source>The current phone number does not match.</source>
        <translation>当前手机号不匹配。</translation>
    </message>
    <message>
        <source>Your password must be changed before you can sign in.</source>
        <translation>你需要先修改密码才能登录。</translation>
    </message>
    <message>
        <source>Too many sign-ups. Please try again later.</source>
        <translation>注册过于频繁，请稍后再试。</translation>
    </message>
    <message>
        <source>This email address is already in use.</source>
        <translation>该邮箱已被使用。</translation>
    </message>
    <message>
        <source>Please enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码错误。</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>Your sign-in is not valid. Please sign in again.</source>
        <translation>登录状态无效，请重新登录。</translation>
    </message>
    <message>
        <source>This social account cannot be linked.</source>
        <translation>无法绑定该社交账号。</translation>
    </message>
    <message>
        <source>This social account cannot be unlinked.</source>
        <translation>无法解绑该社交账号。</translation>
    </message>
    <message>
        <source>This is your only way to sign in, so it cannot be removed.</source>
        <translation>这是你唯一的登录方式，因此不能移除。</translation>
    </message>
    <message>
        <source>No email address is bound to this account.</source>
        <translation>该账号未绑定邮箱。</translation>
    </message>
    <message>
        <source>This user pool does not exist.</source>
        <translation>该用户池不存在。</translation>
    </message>
    <message>
        <source>Change the email address with its own form.</source>
        <translation>请通过专门的表单修改邮箱。</translation>
    </message>
    <message>
        <source>Change the phone number with its own form.</source>
        <translation>请通过专门的表单修改手机号。</translation>
    </message>
    <message>
        <source>Please verify your current email address first.</source>
        <translation>请先验证当前邮箱。</translation>
    </message>
    <message>
        <source>The new email address is the same as the current one.</source>
        <translation>新邮箱与当前邮箱相同。</translation>
    </message>
    <message>
        <source>The new phone number is the same as the current one.</source>
        <translation>新手机号与当前手机号相同。</translation>
    </message>
    <message>
        <source>Some required information is missing.</source>
        <translation>缺少必填信息。</translation>
    </message>
    <message>
        <source>The verification code has expired. Please request a new one.</source>
        <translation>验证码已过期，请重新获取。</translation>
    </message>
    <message>
        <source>The authenticator code is wrong.</source>
        <translation>身份验证器验证码错误。</translation>
    </message>
    <message>
        <source>The recovery code is wrong.</source>
        <translation>恢复码错误。</translation>
    </message>
    <message>
        <source>Please enter the code from your authenticator app.</source>
        <translation>请输入身份验证器应用中的验证码。</translation>
    </message>
    <message>
        <source>Please enter your recovery code.</source>
        <translation>请输入恢复码。</translation>
    </message>
    <message>
        <source>The two-step sign-in has expired. Please sign in again.</source>
        <translation>两步验证登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>A code was sent recently. Please wait a minute before asking again.</source>
        <translation>验证码刚刚已发送，请稍等一分钟再重新获取。</translation>
    </message>
    <message>
        <source>The code is wrong or the request is not valid.</source>
        <translation>验证码错误或请求无效。</translation>
    </message>
    <message>
        <source>Not available: this user pool does not offer this, or the item no longer exists.</source>
        <translation>不可用：该用户池不提供此功能，或该项目已不存在。</translation>
    </message>
    <message>
        <source>This cannot be done right now.</source>
        <translation>暂时无法执行此操作。</translation>
    </message>
    <message>
        <source>Too many requests. Please try again later.</source>
        <translation>请求过于频繁，请稍后再试。</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>服务器拒绝了该请求。</translation>
    </message>
    <message>
        <source>Cannot reach the server. Check your network connection.</source>
        <translation>无法连接服务器，请检查网络连接。</translation>
    </message>
    <message>
        <source>The server did not answer in time. Please try again.</source>
        <translation>服务器响应超时，请重试。</translation>
    </message>
    <message>
        <source>The server sent an unexpected answer. Please try again later.</source>
        <translation>服务器返回了异常的响应，请稍后再试。</translation>
    </message>
    <message>
        <source>The server sent far more data than expected, so the app stopped reading it. Please try again later; if it keeps happening, tell the service&apos;s administrator.</source>
        <translation>服务器发送的数据远超预期，应用已停止读取。请稍后再试；如果一再出现，请联系该服务的管理员。</translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>部分输入的信息无效。</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>出错了。</translation>
    </message>
</context>
<context>
    <name>BrowserSignIn</name>
    <message>
        <source>Sign-in with the browser is not available for this connection.</source>
        <translation>此连接不支持通过浏览器登录。</translation>
    </message>
    <message>
        <source>Sign-in with the browser needs an OIDC application in this connection.</source>
        <translation>通过浏览器登录需要此连接配置 OIDC 应用。</translation>
    </message>
    <message>
        <source>Could not prepare the browser sign-in on this computer (no local port available).</source>
        <translation>无法在本机准备浏览器登录（没有可用的本地端口）。</translation>
    </message>
    <message>
        <source>Could not open the system browser.</source>
        <translation>无法打开系统浏览器。</translation>
    </message>
    <message>
        <source>The browser answered for a different sign-in attempt. Start the sign-in again.</source>
        <translation>浏览器返回的结果属于另一次登录尝试。请重新开始登录。</translation>
    </message>
    <message>
        <source>The sign-in was cancelled in the browser.</source>
        <translation>已在浏览器中取消登录。</translation>
    </message>
    <message>
        <source>The sign-in in the browser took too long. Start it again.</source>
        <translation>浏览器登录超时。请重新开始。</translation>
    </message>
    <message>
        <source>The sign-in in the browser failed. Start it again.</source>
        <translation>浏览器登录失败。请重新开始。</translation>
    </message>
    <message>
        <source>The server did not complete the browser sign-in.</source>
        <translation>服务器未完成浏览器登录。</translation>
    </message>
    <message>
        <source>The browser sign-in answer does not belong to this attempt. Start again.</source>
        <translation>浏览器登录的结果不属于本次尝试。请重新开始。</translation>
    </message>
</context>
<context>
    <name>BusyMark</name>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
</context>
<context>
    <name>CaptchaBox</name>
    <message>
        <source>(image not readable: refresh)</source>
        <translation>（图片无法显示：请刷新）</translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation>图形验证码</translation>
    </message>
    <message>
        <source>Characters in the image</source>
        <translation>图片中的字符</translation>
    </message>
    <message>
        <source>Captcha image</source>
        <translation>图形验证码图片</translation>
    </message>
    <message>
        <source>New image</source>
        <translation>换一张</translation>
    </message>
    <message>
        <source>Show a new captcha image</source>
        <translation>换一张图形验证码</translation>
    </message>
</context>
<context>
    <name>CheckupWording</name>
    <message>
        <source>Recovery phone and email</source>
        <translation>用于找回账号的手机和邮箱</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Second step at sign-in</source>
        <translation>登录时的第二步验证</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Devices and sessions</source>
        <translation>设备和会话</translation>
    </message>
    <message>
        <source>Recent security events</source>
        <translation>近期安全事件</translation>
    </message>
    <message>
        <source>Linked accounts and apps</source>
        <translation>关联账号和应用</translation>
    </message>
    <message>
        <source>A verified phone number or email address lets you reset your password and get back in if you are locked out.</source>
        <translation>已验证的手机号或邮箱可以让你重置密码，并在无法登录时找回账号。</translation>
    </message>
    <message>
        <source>A recovery code gets you past the second step when your authenticator is not at hand. Keep it somewhere safe.</source>
        <translation>身份验证器不在手边时，恢复码可以帮你通过第二步验证。请妥善保管。</translation>
    </message>
    <message>
        <source>A second step at sign-in stops someone who learned your password.</source>
        <translation>登录时的第二步验证可以阻止知道你密码的人登录。</translation>
    </message>
    <message>
        <source>A long password that you use nowhere else, changed now and then.</source>
        <translation>使用一个足够长、不在别处使用的密码，并不时更换。</translation>
    </message>
    <message>
        <source>These devices are signed in to your account now. Sign out any you do not recognise.</source>
        <translation>这些设备当前登录着你的账号。请退出你不认识的设备。</translation>
    </message>
    <message>
        <source>Sign-in attempts from other devices in the last 30 days. If one was not you, secure your account.</source>
        <translation>最近 30 天来自其他设备的登录尝试。如果有不是你本人的，请保护你的账号。</translation>
    </message>
    <message>
        <source>Other accounts that can sign you in, and other applications you are signed in to. Remove what you do not use.</source>
        <translation>可以登录你账号的其他账号，以及你已登录的其他应用。请移除不再使用的。</translation>
    </message>
    <message>
        <source>We sent a link to {email}. Open it, then run the checkup again.</source>
        <translation>我们已向 {email} 发送了一个链接。打开它后，请再次运行安全检查。</translation>
    </message>
    <message>
        <source>Last changed on {date}.</source>
        <translation>上次修改于 {date}。</translation>
    </message>
    <message>
        <source>Verified and ready to help you get back in.</source>
        <translation>已验证，可以帮你找回账号。</translation>
    </message>
    <message>
        <source>No phone number or email address can help you get back in. Add one on the Phone &amp; email page.</source>
        <translation>没有可以帮你找回账号的手机号或邮箱。请在“手机和邮箱”页面添加一个。</translation>
    </message>
    <message>
        <source>{email} is not verified yet, so it cannot help you get back in.</source>
        <translation>{email} 尚未验证，因此无法帮你找回账号。</translation>
    </message>
    <message>
        <source>Your phone number is not verified yet. Verify it on the Phone &amp; email page.</source>
        <translation>你的手机号尚未验证。请在“手机和邮箱”页面验证。</translation>
    </message>
    <message>
        <source>You have a recovery code.</source>
        <translation>你已有恢复码。</translation>
    </message>
    <message>
        <source>You have no recovery code. Turning on an authenticator app gives you one.</source>
        <translation>你还没有恢复码。开启身份验证器应用时会为你生成一个。</translation>
    </message>
    <message>
        <source>Your authenticator has no recovery code. Make one and keep it safe.</source>
        <translation>你的身份验证器没有恢复码。请生成一个并妥善保管。</translation>
    </message>
    <message>
        <source>Signing in asks for a second step.</source>
        <translation>登录时会要求第二步验证。</translation>
    </message>
    <message>
        <source>Signing in asks only for your password.</source>
        <translation>登录时只需要密码。</translation>
    </message>
    <message>
        <source>Your only second step is on one phone and you saved no recovery code: if you lose that phone, you are locked out.</source>
        <translation>你唯一的第二步验证在一部手机上，而且没有保存恢复码：一旦丢失这部手机，你将无法登录。</translation>
    </message>
    <message>
        <source>Your password is strong.</source>
        <translation>你的密码强度高。</translation>
    </message>
    <message>
        <source>Your account has no password yet.</source>
        <translation>你的账号还没有设置密码。</translation>
    </message>
    <message>
        <source>Your password is easy to guess.</source>
        <translation>你的密码容易被猜到。</translation>
    </message>
    <message>
        <source>Your password is strong but over a year old.</source>
        <translation>你的密码强度高，但已使用超过一年。</translation>
    </message>
    <message>
        <source>Only this device is signed in.</source>
        <translation>只有本设备处于登录状态。</translation>
    </message>
    <message numerus="yes">
        <source>%n other device(s) signed in.</source>
        <translation>
            <numerusform>另有 %n 台设备处于登录状态。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You recognised the %n other device(s).</source>
        <translation>
            <numerusform>你确认了其他 %n 台设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>No sign-in from another device in the last 30 days.</source>
        <translation>最近 30 天没有来自其他设备的登录。</translation>
    </message>
    <message numerus="yes">
        <source>%n sign-in attempt(s) from other devices.</source>
        <translation>
            <numerusform>来自其他设备的 %n 次登录尝试。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You said the %n attempt(s) were you.</source>
        <translation>
            <numerusform>你确认这 %n 次尝试是你本人。</numerusform>
        </translation>
    </message>
    <message>
        <source>No other account or application is connected.</source>
        <translation>没有关联其他账号或应用。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) and application(s) connected.</source>
        <translation>
            <numerusform>已关联 %n 个账号和应用。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You use the %n connected one(s).</source>
        <translation>
            <numerusform>你确认在使用这 %n 个关联项。</numerusform>
        </translation>
    </message>
    <message>
        <source>{sentence} {more}</source>
        <translation>{sentence}{more}</translation>
    </message>
    <message>
        <source>Send the link again</source>
        <translation>重新发送链接</translation>
    </message>
    <message>
        <source>Go to Phone &amp;&amp; email</source>
        <translation>前往“手机和邮箱”</translation>
    </message>
    <message>
        <source>Send a verification link</source>
        <translation>发送验证链接</translation>
    </message>
    <message>
        <source>Turn on two-step verification…</source>
        <translation>开启两步验证…</translation>
    </message>
    <message>
        <source>Make a recovery code…</source>
        <translation>生成恢复码…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>These are all mine</source>
        <translation>这些都是我的</translation>
    </message>
    <message>
        <source>These were all me</source>
        <translation>这些都是我本人</translation>
    </message>
    <message>
        <source>I use all of these</source>
        <translation>这些我都在使用</translation>
    </message>
    <message>
        <source>Turned on two-step verification</source>
        <translation>已开启两步验证</translation>
    </message>
    <message>
        <source>Made a new recovery code</source>
        <translation>已生成新的恢复码</translation>
    </message>
    <message>
        <source>Changed your password</source>
        <translation>已修改密码</translation>
    </message>
    <message>
        <source>Sent a verification link to your email</source>
        <translation>已向你的邮箱发送验证链接</translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n device(s)</source>
        <translation>
            <numerusform>已退出 %n 台设备</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unlinked %n account(s)</source>
        <translation>
            <numerusform>已解除关联 %n 个账号</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signed out of %n application(s)</source>
        <translation>
            <numerusform>已退出 %n 个应用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reported %n sign-in(s) that were not you</source>
        <translation>
            <numerusform>已报告 %n 次非本人登录</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CodeButton</name>
    <message>
        <source>Resend in {seconds} s</source>
        <translation>{seconds} 秒后可重发</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>发送验证码</translation>
    </message>
    <message>
        <source>Send a verification code</source>
        <translation>发送验证码</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <source>The local user pool is not running.</source>
        <translation>本地用户池未运行。</translation>
    </message>
    <message>
        <source>The connection settings are not valid: {reason}</source>
        <translation>连接设置无效：{reason}</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Remove the phone number?</source>
        <translation>移除手机号？</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with {value} or receive codes there.</source>
        <translation>你将无法再使用 {value} 登录或接收验证码。</translation>
    </message>
    <message>
        <source>Remove the email address?</source>
        <translation>移除邮箱？</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with {value} or recover your password by email.</source>
        <translation>你将无法再使用 {value} 登录或通过邮箱找回密码。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Bind phone</source>
        <translation>绑定手机号</translation>
    </message>
    <message>
        <source>Change phone</source>
        <translation>更换手机号</translation>
    </message>
    <message>
        <source>Bind email</source>
        <translation>绑定邮箱</translation>
    </message>
    <message>
        <source>Change email</source>
        <translation>更换邮箱</translation>
    </message>
    <message>
        <source>New number</source>
        <translation>新手机号</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>New address</source>
        <translation>新邮箱</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Code from current number</source>
        <translation>当前号码收到的验证码</translation>
    </message>
    <message>
        <source>Code from current address</source>
        <translation>当前邮箱收到的验证码</translation>
    </message>
    <message>
        <source>Code sent to {value}</source>
        <translation>发送到 {value} 的验证码</translation>
    </message>
    <message>
        <source>Your phone number is bound.</source>
        <translation>手机号已绑定。</translation>
    </message>
    <message>
        <source>Your phone number was changed.</source>
        <translation>手机号已更换。</translation>
    </message>
    <message>
        <source>Your phone number was removed.</source>
        <translation>手机号已移除。</translation>
    </message>
    <message>
        <source>Your email address is bound.</source>
        <translation>邮箱已绑定。</translation>
    </message>
    <message>
        <source>Your email address was changed.</source>
        <translation>邮箱已更换。</translation>
    </message>
    <message>
        <source>Your email address was removed.</source>
        <translation>邮箱已移除。</translation>
    </message>
    <message>
        <source>A verification email was sent. Open the link in the email, then press Refresh.</source>
        <translation>验证邮件已发送。请打开邮件中的链接，然后点击“刷新”。</translation>
    </message>
    <message>
        <source>On the local pool, the link appears in its outbox (Support page, Outbox tab: select the message, then Open link).</source>
        <translation>在本地用户池中，该链接显示在发件箱里（“支持”页的“发件箱”标签：选中该邮件，然后点击“打开链接”）。</translation>
    </message>
    <message>
        <source>A code was sent.</source>
        <translation>验证码已发送。</translation>
    </message>
    <message>
        <source>On the local pool, sent codes appear in its outbox (&apos;authing-desktop pool outbox&apos;).</source>
        <translation>在本地用户池中，发送的验证码会出现在发件箱中（&apos;authing-desktop pool outbox&apos;）。</translation>
    </message>
    <message>
        <source>Phone &amp; email</source>
        <translation>手机与邮箱</translation>
    </message>
    <message>
        <source>Sign in to manage your phone number and email address.</source>
        <translation>登录后可管理你的手机号和邮箱。</translation>
    </message>
    <message>
        <source>Where your codes and account messages go; each can also sign you in.</source>
        <translation>验证码和账号消息的接收方式；两者都可用于登录。</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Verification code for the new value</source>
        <translation>新手机号或邮箱的验证码</translation>
    </message>
    <message>
        <source>Remove the phone number</source>
        <translation>移除手机号</translation>
    </message>
    <message>
        <source>Remove the email address</source>
        <translation>移除邮箱</translation>
    </message>
    <message>
        <source>Send verification email</source>
        <translation>发送验证邮件</translation>
    </message>
    <message>
        <source>Send a verification email</source>
        <translation>发送一封验证邮件</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>Authing Desktop ran into an unexpected problem. You can keep working; if something looks wrong, restart the app.

If it happens again, please send the report below to your administrator or the developers. It contains no passwords, codes or tokens.</source>
        <translation>Authing Desktop 遇到了一个意外问题。你可以继续使用；如果有异常，请重新启动应用。

如果问题再次出现，请把下面的报告发送给管理员或开发者。报告中不包含密码、验证码或令牌。</translation>
    </message>
    <message>
        <source>The report was also saved to {path}.</source>
        <translation>报告也已保存到 {path}。</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详情</translation>
    </message>
    <message>
        <source>Crash report</source>
        <translation>错误报告</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详情</translation>
    </message>
</context>
<context>
    <name>CustomDataPage</name>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>是 / 否</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <source>Custom data</source>
        <translation>自定义数据</translation>
    </message>
    <message>
        <source>Sign in to see the extra fields your organization keeps on your account.</source>
        <translation>登录后可查看你的组织为你的账号保存的扩展字段。</translation>
    </message>
    <message>
        <source>Listed are the fields that have a value. To fill in another field your organization defined, type its key and choose its type.</source>
        <translation>这里列出已有值的字段。要填写组织定义的其他字段，请输入其键名并选择类型。</translation>
    </message>
    <message>
        <source>These are the fields your organization defined. Select one to set or remove your value.</source>
        <translation>这些是你的组织定义的字段。选择一个字段以设置或移除你的值。</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Structured data</source>
        <translation>结构化数据</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Custom data values</source>
        <translation>自定义数据值</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>{type}, key {key}</source>
        <translation>{type}，键 {key}</translation>
    </message>
    <message>
        <source>Your {field} was saved.</source>
        <translation>已保存你的{field}。</translation>
    </message>
    <message>
        <source>Your {field} was removed.</source>
        <translation>已移除你的{field}。</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Extra details your organization keeps on your account.</source>
        <translation>你的组织在账号上保存的额外信息。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>你的值</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Edit a value</source>
        <translation>编辑值</translation>
    </message>
    <message>
        <source>Field key</source>
        <translation>字段键名</translation>
    </message>
    <message>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <source>Data types</source>
        <translation>数据类型列表</translation>
    </message>
    <message>
        <source>Text value</source>
        <translation>文本值</translation>
    </message>
    <message>
        <source>Number value</source>
        <translation>数字值</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Yes or no value</source>
        <translation>是或否的值</translation>
    </message>
    <message>
        <source>Date and time value</source>
        <translation>日期和时间值</translation>
    </message>
    <message>
        <source>New field</source>
        <translation>新字段</translation>
    </message>
    <message>
        <source>Start a new field</source>
        <translation>开始填写新字段</translation>
    </message>
    <message>
        <source>Remove value</source>
        <translation>删除值</translation>
    </message>
    <message>
        <source>Remove this field&apos;s value</source>
        <translation>删除此字段的值</translation>
    </message>
    <message>
        <source>Save value</source>
        <translation>保存值</translation>
    </message>
    <message>
        <source>Save this field&apos;s value</source>
        <translation>保存此字段的值</translation>
    </message>
</context>
<context>
    <name>CustomDataPresenter</name>
    <message>
        <source>Enter a number, such as 42 or 3.5.</source>
        <translation>请输入数字，例如 42 或 3.5。</translation>
    </message>
    <message>
        <source>Choose yes or no.</source>
        <translation>请选择是或否。</translation>
    </message>
    <message>
        <source>Enter a date and time, such as 2024-05-01 08:30.</source>
        <translation>请输入日期和时间，例如 2024-05-01 08:30。</translation>
    </message>
    <message>
        <source>Enter the field&apos;s key: up to 64 characters without spaces.</source>
        <translation>请输入字段键名：最多 64 个字符，不含空格。</translation>
    </message>
    <message>
        <source>Values of this type cannot be edited here.</source>
        <translation>此类型的值无法在这里编辑。</translation>
    </message>
    <message>
        <source>Choose a data type.</source>
        <translation>请选择数据类型。</translation>
    </message>
</context>
<context>
    <name>DeleteAccountDialog</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation>验证码已发送至 {destination}。</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>注销我的账号</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>正在删除…</translation>
    </message>
    <message>
        <source>Your account and everything in it (profile, custom data, sign-ins on every device) is deleted for good. Export your data first if you want a copy.</source>
        <translation>你的账号及其中的一切（个人资料、自定义数据、所有设备上的登录）将被永久删除。如需留存副本，请先导出数据。</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>邮箱验证码</translation>
    </message>
    <message>
        <source>Prove it is you with</source>
        <translation>验证身份的方式</translation>
    </message>
    <message>
        <source>Proof of identity</source>
        <translation>身份验证方式</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Type {text} to confirm</source>
        <translation>输入 {text} 以确认</translation>
    </message>
    <message>
        <source>Type your account name to confirm</source>
        <translation>输入你的账号名以确认</translation>
    </message>
    <message>
        <source>Delete my account for good</source>
        <translation>永久注销我的账号</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>DeviceRowView</name>
    <message>
        <source>This device</source>
        <translation>本设备</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>Last active {when}</source>
        <translation>最近活动：{when}</translation>
    </message>
    <message>
        <source>IP {address}</source>
        <translation>IP {address}</translation>
    </message>
    <message>
        <source>Device id: {id}</source>
        <translation>设备 ID：{id}</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Sign out everywhere else?</source>
        <translation>退出其他所有设备？</translation>
    </message>
    <message>
        <source>Every other device and app signed in to your account will have to sign in again. This device stays signed in.</source>
        <translation>登录你账号的其他所有设备和应用都需要重新登录。本设备保持登录。</translation>
    </message>
    <message>
        <source>Sign out this device?</source>
        <translation>让这台设备退出登录？</translation>
    </message>
    <message>
        <source>{device} will have to sign in again.</source>
        <translation>{device} 需要重新登录。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Devices and sessions</source>
        <translation>设备与会话</translation>
    </message>
    <message>
        <source>Sign in to see where your account is signed in.</source>
        <translation>登录后可查看你的账号在哪些设备上登录。</translation>
    </message>
    <message>
        <source>Devices signed in to your account</source>
        <translation>登录你账号的设备</translation>
    </message>
    <message>
        <source>No devices yet.</source>
        <translation>暂无设备。</translation>
    </message>
    <message>
        <source>Sign out the selected device</source>
        <translation>让所选设备退出登录</translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n device(s).</source>
        <translation>
            <numerusform>已退出 %n 台设备。</numerusform>
        </translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在退出…</translation>
    </message>
    <message>
        <source>Sign out everywhere else</source>
        <translation>退出其他所有设备</translation>
    </message>
    <message>
        <source>This is the device you are using: use Sign out on the Sign in page.</source>
        <translation>这是你正在使用的设备：请在登录页面上退出。</translation>
    </message>
    <message>
        <source>Where your account is signed in, and when each device was last used.</source>
        <translation>你的账号在哪些设备上登录，以及每台设备最近的使用时间。</translation>
    </message>
    <message>
        <source>Signed-in devices</source>
        <translation>已登录的设备</translation>
    </message>
    <message>
        <source>If you do not recognise a device, sign it out and change your password.</source>
        <translation>如果你不认识某台设备，请让它退出并修改密码。</translation>
    </message>
    <message>
        <source>Sign out every device but this one</source>
        <translation>让除本设备外的所有设备退出登录</translation>
    </message>
</context>
<context>
    <name>DevicesPresenter</name>
    <message>
        <source>Choose a device in the list first.</source>
        <translation>请先在列表中选择一台设备。</translation>
    </message>
    <message>
        <source>This is the device you are using: use Sign out on the Sign in page.</source>
        <translation>这是你正在使用的设备：请在登录页上退出登录。</translation>
    </message>
</context>
<context>
    <name>FormPresenter</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation>验证码已发送至 {destination}。</translation>
    </message>
    <message>
        <source>On the local pool, sent codes appear in the outbox (Support page, or &apos;authing-desktop pool outbox&apos;).</source>
        <translation>在本地用户池中，发送的验证码会出现在发件箱中（“支持”页面，或运行 &apos;authing-desktop pool outbox&apos;）。</translation>
    </message>
</context>
<context>
    <name>FormStatus</name>
    <message>
        <source>Server says: </source>
        <translation>服务器消息：</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <source>The self-service center for your Authing account.

Python {python}, Qt {qt}, PySide6 {pyside}</source>
        <translation>你的 Authing 账号自助服务中心。

Python {python}，Qt {qt}，PySide6 {pyside}</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>关于 {app}(&amp;A)</translation>
    </message>
</context>
<context>
    <name>IdentifierChecks</name>
    <message>
        <source>Please enter your email address.</source>
        <translation>请输入邮箱地址。</translation>
    </message>
    <message>
        <source>This is not a valid email address.</source>
        <translation>邮箱地址无效。</translation>
    </message>
    <message>
        <source>Please enter your phone number.</source>
        <translation>请输入手机号码。</translation>
    </message>
    <message>
        <source>This is not a valid phone number.</source>
        <translation>手机号码无效。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Please choose a password.</source>
        <translation>请设置密码。</translation>
    </message>
    <message>
        <source>The password must have at least 6 characters.</source>
        <translation>密码至少需要 6 个字符。</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Please enter the verification code.</source>
        <translation>请输入验证码。</translation>
    </message>
    <message>
        <source>The code is made of digits.</source>
        <translation>验证码由数字组成。</translation>
    </message>
    <message>
        <source>Please enter the 6-digit code from your app.</source>
        <translation>请输入应用中的 6 位验证码。</translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation>验证码为 6 位数字。</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>no answer</source>
        <translation>无应答</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
</context>
<context>
    <name>InspectorDock</name>
    <message>
        <source>Network inspector</source>
        <translation>网络检查器</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>{count} calls</source>
        <translation>{count} 次调用</translation>
    </message>
    <message>
        <source>Filter by operation, code or message</source>
        <translation>按操作、代码或消息筛选</translation>
    </message>
    <message>
        <source>Filter calls</source>
        <translation>筛选调用</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <source>Clear the call list</source>
        <translation>清空调用列表</translation>
    </message>
    <message>
        <source>API calls of this session</source>
        <translation>本次会话的 API 调用</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Request (redacted)</source>
        <translation>请求（已脱敏）</translation>
    </message>
    <message>
        <source>Select a call to see its request.</source>
        <translation>选择一次调用以查看其请求。</translation>
    </message>
    <message>
        <source>Response (redacted)</source>
        <translation>响应（已脱敏）</translation>
    </message>
    <message>
        <source>…and its response.</source>
        <translation>……及其响应。</translation>
    </message>
</context>
<context>
    <name>LinkAccountDialog</name>
    <message>
        <source>Server says: {text}</source>
        <translation>服务器返回：{text}</translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation>关联其他账号</translation>
    </message>
    <message>
        <source>Sign in to the account you want to merge into the one you are signed in with.</source>
        <translation>登录你要合并到当前已登录账号中的那个账号。</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>邮箱和密码</translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>Phone number and password</source>
        <translation>手机号和密码</translation>
    </message>
    <message>
        <source>Sign-in method of the other account</source>
        <translation>另一个账号的登录方式</translation>
    </message>
    <message>
        <source>Sign-in methods</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password of the other account</source>
        <translation>另一个账号的密码</translation>
    </message>
    <message>
        <source>Sign in to the other account</source>
        <translation>登录另一个账号</translation>
    </message>
    <message>
        <source>Warning: linking merges the other account into this one. The other account&apos;s own profile, custom data, roles and sign-in methods are not kept, and it can no longer be used on its own. This cannot be undone.</source>
        <translation>警告：关联会把另一个账号合并到当前账号。另一个账号自己的个人资料、自定义数据、角色和登录方式不会保留，之后也无法再单独使用。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Use another account</source>
        <translation>使用其他账号</translation>
    </message>
    <message>
        <source>Link the accounts</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close this dialog</source>
        <translation>关闭此对话框</translation>
    </message>
    <message>
        <source>The accounts are linked.</source>
        <translation>账号已关联。</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Signed in as {name}. Link it into your account?</source>
        <translation>已登录为 {name}。要将它关联到你的账号吗？</translation>
    </message>
</context>
<context>
    <name>LinkAccountPresenter</name>
    <message>
        <source>Please enter the username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>This is the account you are signed in with. Sign in to the other one.</source>
        <translation>这是你当前已登录的账号，请登录另一个账号。</translation>
    </message>
    <message>
        <source>Sign in to the account to link first.</source>
        <translation>请先登录要关联的账号。</translation>
    </message>
    <message>
        <source>You are not signed in.</source>
        <translation>你尚未登录。</translation>
    </message>
</context>
<context>
    <name>LinkableSourceView</name>
    <message>
        <source>Sign in to {provider} in your browser to link it.</source>
        <translation>在浏览器中登录{provider}即可关联。</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <source>Link {provider}</source>
        <translation>关联{provider}</translation>
    </message>
</context>
<context>
    <name>LinkedAccountView</name>
    <message>
        <source>(no name given)</source>
        <translation>（未提供名称）</translation>
    </message>
    <message>
        <source>Linked {date}</source>
        <translation>关联于 {date}</translation>
    </message>
    <message>
        <source>Linked account: {provider}</source>
        <translation>已关联账号：{provider}</translation>
    </message>
    <message>
        <source>Unlink…</source>
        <translation>解除关联…</translation>
    </message>
    <message>
        <source>Unlink {provider}</source>
        <translation>解除关联{provider}</translation>
    </message>
</context>
<context>
    <name>LinkedAccounts</name>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>OpenID Connect provider</source>
        <translation>OpenID Connect 身份源</translation>
    </message>
    <message>
        <source>LDAP directory</source>
        <translation>LDAP 目录</translation>
    </message>
    <message>
        <source>Active Directory</source>
        <translation>Active Directory</translation>
    </message>
    <message>
        <source>GitHub</source>
        <translation>GitHub</translation>
    </message>
    <message>
        <source>Other account</source>
        <translation>其他账号</translation>
    </message>
</context>
<context>
    <name>LinkedAccountsPage</name>
    <message>
        <source>Linked accounts</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>{provider} is linked. You can now sign in with it too.</source>
        <translation>已关联{provider}。现在也可以用它登录了。</translation>
    </message>
    <message>
        <source>{provider} is unlinked from your account.</source>
        <translation>已将{provider}与你的账号解除关联。</translation>
    </message>
    <message>
        <source>Linking stopped. If you finish in the browser later, press Refresh to see the account.</source>
        <translation>已停止关联。如果稍后在浏览器中完成，请点击“刷新”查看该账号。</translation>
    </message>
    <message>
        <source>Unlink {provider}?</source>
        <translation>解除关联{provider}？</translation>
    </message>
    <message>
        <source>You will no longer be able to sign in with this {provider} account ({account}). You can link it again later.</source>
        <translation>之后将无法再用这个{provider}账号（{account}）登录。你可以稍后重新关联。</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>解除关联</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Sign in to see the accounts linked to yours.</source>
        <translation>登录后可查看与你的账号关联的账号。</translation>
    </message>
    <message>
        <source>Other accounts you can sign in with, such as WeChat. Unlink one you no longer use.</source>
        <translation>可用于登录的其他账号，例如微信。不再使用的账号可以解除关联。</translation>
    </message>
    <message>
        <source>Accounts you can sign in with</source>
        <translation>可用于登录的账号</translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation>关联其他账号</translation>
    </message>
    <message>
        <source>Linking opens your browser. Sign in there, then come back here.</source>
        <translation>关联时会打开浏览器。在浏览器中登录后，再回到这里。</translation>
    </message>
    <message>
        <source>No linked accounts</source>
        <translation>没有关联账号</translation>
    </message>
    <message>
        <source>Link an account such as WeChat to sign in with it too, without your password.</source>
        <translation>关联微信等账号后，也可以用它登录，无需输入密码。</translation>
    </message>
    <message>
        <source>Link an account</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>Every account this application offers is already linked.</source>
        <translation>此应用提供的账号都已关联。</translation>
    </message>
    <message>
        <source>Finish in your browser…</source>
        <translation>请在浏览器中完成…</translation>
    </message>
    <message>
        <source>Finish in your browser</source>
        <translation>请在浏览器中完成</translation>
    </message>
    <message>
        <source>Waiting for the browser</source>
        <translation>正在等待浏览器</translation>
    </message>
    <message>
        <source>Stop waiting for the browser</source>
        <translation>停止等待浏览器</translation>
    </message>
</context>
<context>
    <name>LinkedAccountsPresenter</name>
    <message>
        <source>Choose an account to link from the list first.</source>
        <translation>请先在列表中选择要关联的账号。</translation>
    </message>
    <message>
        <source>That {source} account is already linked to another user. Unlink it there first, or sign in to {source} with another account.</source>
        <translation>这个{source}账号已关联到其他用户。请先在那边解除关联，或用另一个{source}账号登录。</translation>
    </message>
    <message>
        <source>Your account already has a {source} account linked. Unlink it first to link another one.</source>
        <translation>你的账号已关联了一个{source}账号。请先解除关联，再关联另一个。</translation>
    </message>
    <message>
        <source>{source} was not linked. If you cancelled in the browser, you can try again.</source>
        <translation>未关联{source}。如果你在浏览器中取消了，可以再试一次。</translation>
    </message>
    <message>
        <source>Choose a linked account in the list first.</source>
        <translation>请先在列表中选择一个已关联的账号。</translation>
    </message>
    <message>
        <source>This is your only way to sign in. Add a password, phone or email first.</source>
        <translation>这是你唯一的登录方式。请先设置密码，或绑定手机号或邮箱。</translation>
    </message>
</context>
<context>
    <name>LocalPoolPresenter</name>
    <message>
        <source>Choose a scenario file first.</source>
        <translation>请先选择场景文件。</translation>
    </message>
    <message>
        <source>Enter an email, a phone number or a username for the user.</source>
        <translation>请为该用户填写邮箱、手机号或用户名。</translation>
    </message>
    <message>
        <source>Applied the scenario “{name}” from {file}: {summary}</source>
        <translation>已应用 {file} 中的场景“{name}”：{summary}</translation>
    </message>
    <message>
        <source>Created the user {who}.</source>
        <translation>已创建用户 {who}。</translation>
    </message>
    <message>
        <source>The scenario file cannot be used: {reason}</source>
        <translation>无法使用该场景文件：{reason}</translation>
    </message>
    <message>
        <source>The local pool did not accept {file}; nothing was changed. Fix the following in the file and apply it again:
{problems}</source>
        <translation>本地用户池未接受 {file}，未做任何更改。请在文件中修正以下问题后重新应用：
{problems}</translation>
    </message>
    <message>
        <source>The local pool did not accept this; nothing was changed. Fix the following and try again:
{problems}</source>
        <translation>本地用户池未接受此操作，未做任何更改。请修正以下问题后重试：
{problems}</translation>
    </message>
    <message>
        <source>The local user pool did not let this app change it (the pool may have been restarted by another program). Restart Authing Desktop and try again.</source>
        <translation>本地用户池不允许本应用修改它（用户池可能已被其他程序重启）。请重启 Authing Desktop 后重试。</translation>
    </message>
    <message>
        <source>The local pool could not be reached: {reason}</source>
        <translation>无法连接本地用户池：{reason}</translation>
    </message>
</context>
<context>
    <name>LocalPoolTab</name>
    <message>
        <source>Apply which scenario?</source>
        <translation>应用哪个场景？</translation>
    </message>
    <message>
        <source>Scenario files (*.toml *.json)</source>
        <translation>场景文件 (*.toml *.json)</translation>
    </message>
    <message>
        <source>Applying…</source>
        <translation>正在应用…</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Set the local pool up the way an Authing admin would, to reproduce what a user meets: see its settings, apply a scenario file, or create a user in a given state.</source>
        <translation>像 Authing 管理员那样设置本地用户池，以重现用户遇到的情况：查看其设置、应用场景文件，或创建处于指定状态的用户。</translation>
    </message>
    <message>
        <source>Pool settings</source>
        <translation>用户池设置</translation>
    </message>
    <message>
        <source>What the local pool&apos;s admin settings make users meet. A scenario file changes them.</source>
        <translation>本地用户池的管理设置决定了用户会遇到什么。场景文件可以修改这些设置。</translation>
    </message>
    <message>
        <source>The settings appear once the local pool answers.</source>
        <translation>本地用户池响应后，这里会显示设置。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read the pool settings again</source>
        <translation>重新读取用户池设置</translation>
    </message>
    <message>
        <source>Apply a scenario</source>
        <translation>应用场景</translation>
    </message>
    <message>
        <source>A scenario file (TOML or JSON) describes custom fields, roles, departments, applications, settings and users in their states. It is checked first and applied whole, or not at all.</source>
        <translation>场景文件（TOML 或 JSON）描述自定义字段、角色、部门、应用、设置以及处于各自状态的用户。它会先经过检查，然后要么全部应用，要么完全不应用。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Scenario file</source>
        <translation>场景文件</translation>
    </message>
    <message>
        <source>forced-reset.toml</source>
        <translation>forced-reset.toml</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the scenario file</source>
        <translation>选择场景文件</translation>
    </message>
    <message>
        <source>Apply the scenario</source>
        <translation>应用该场景</translation>
    </message>
    <message>
        <source>Create a user</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>A user in the state you pick, for example one who must change the password at the next sign-in. An email, a phone number or a username is required.</source>
        <translation>创建处于你所选状态的用户，例如下次登录时必须修改密码的用户。邮箱、手机号或用户名至少填写一项。</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Authenticator secret</source>
        <translation>身份验证器密钥</translation>
    </message>
    <message>
        <source>Email of the new user</source>
        <translation>新用户的邮箱</translation>
    </message>
    <message>
        <source>Phone number of the new user</source>
        <translation>新用户的手机号</translation>
    </message>
    <message>
        <source>Username of the new user</source>
        <translation>新用户的用户名</translation>
    </message>
    <message>
        <source>Password of the new user</source>
        <translation>新用户的密码</translation>
    </message>
    <message>
        <source>Authenticator secret of the new user (base32)</source>
        <translation>新用户的身份验证器密钥（base32）</translation>
    </message>
    <message>
        <source>Optional: turns two-step sign-in on</source>
        <translation>可选：填写后开启两步登录</translation>
    </message>
    <message>
        <source>Email is verified</source>
        <translation>邮箱已验证</translation>
    </message>
    <message>
        <source>Phone number is verified</source>
        <translation>手机号已验证</translation>
    </message>
    <message>
        <source>Must set a new password at the first sign-in</source>
        <translation>首次登录时必须设置新密码</translation>
    </message>
    <message>
        <source>Must change the password at the next sign-in</source>
        <translation>下次登录时必须修改密码</translation>
    </message>
    <message>
        <source>Blocked: cannot sign in</source>
        <translation>已禁用：无法登录</translation>
    </message>
    <message>
        <source>Create the user</source>
        <translation>创建该用户</translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation>本地用户池</translation>
    </message>
</context>
<context>
    <name>LoginHistory</name>
    <message>
        <source>The password was right; the second step was asked for.</source>
        <translation>密码正确，需要进行第二步验证。</translation>
    </message>
    <message>
        <source>The sign-in was refused.</source>
        <translation>登录被拒绝。</translation>
    </message>
</context>
<context>
    <name>LoginHistoryPage</name>
    <message>
        <source>{succeeded} successful and {failed} failed sign-ins over {days} days.</source>
        <translation>{days} 天内成功登录 {succeeded} 次，失败 {failed} 次。</translation>
    </message>
    <message>
        <source>Login history</source>
        <translation>登录历史</translation>
    </message>
    <message>
        <source>Sign in to see when and where your account was used.</source>
        <translation>登录后可查看你的账号何时、何地被使用。</translation>
    </message>
    <message>
        <source>All attempts</source>
        <translation>全部尝试</translation>
    </message>
    <message>
        <source>Successful</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Second step asked</source>
        <translation>需要第二步验证</translation>
    </message>
    <message>
        <source>{method}, then {factor}</source>
        <translation>{method}，然后{factor}</translation>
    </message>
    <message>
        <source>{device}
IP {address}</source>
        <translation>{device}
IP {address}</translation>
    </message>
    <message>
        <source>The server said: {text}</source>
        <translation>服务器返回：{text}</translation>
    </message>
    <message numerus="yes">
        <source>Page {page} of {pages} · %n attempt(s)</source>
        <translation>
            <numerusform>第 {page} / {pages} 页 · 共 %n 次尝试</numerusform>
        </translation>
    </message>
    <message>
        <source>When and from where someone tried to sign in to your account, and whether it worked.</source>
        <translation>何时、从何处有人尝试登录你的账号，以及是否成功。</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>全部时间</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>Which attempts to show</source>
        <translation>显示哪些尝试</translation>
    </message>
    <message>
        <source>Attempts per day</source>
        <translation>每日登录尝试</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Sign-in attempts per day</source>
        <translation>每日登录尝试次数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Sign-in attempts</source>
        <translation>登录尝试</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>No sign-in attempts in this period.</source>
        <translation>此时间范围内没有登录尝试。</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Local pool: starting…</source>
        <translation>本地用户池：正在启动…</translation>
    </message>
    <message>
        <source>Local pool: ready</source>
        <translation>本地用户池：已就绪</translation>
    </message>
    <message>
        <source>Local pool: failed</source>
        <translation>本地用户池：启动失败</translation>
    </message>
    <message>
        <source>Local pool: stopped</source>
        <translation>本地用户池：已停止</translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation>本地用户池</translation>
    </message>
    <message>
        <source>Connection: {name}</source>
        <translation>连接：{name}</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
</context>
<context>
    <name>MessageBanner</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation>关闭这条消息</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <source>The local user pool did not let this app read its outbox (the pool may have been restarted by another program). Restart Authing Desktop and try again.</source>
        <translation>本地用户池不允许本应用读取其发件箱（该用户池可能已被其他程序重启）。请重启 Authing Desktop 后再试。</translation>
    </message>
    <message>
        <source>The outbox could not be read: {reason}</source>
        <translation>无法读取发件箱：{reason}</translation>
    </message>
</context>
<context>
    <name>OutboxTab</name>
    <message>
        <source>The outbox exists only for the built-in local pool: other pools really send their codes.</source>
        <translation>发件箱只适用于内置的本地用户池：其他用户池会真正发送验证码。</translation>
    </message>
    <message>
        <source>No codes sent yet. Codes the local pool sends appear here.</source>
        <translation>尚未发送验证码。本地用户池发送的验证码会显示在这里。</translation>
    </message>
    <message>
        <source>Codes the local pool sent, newest first (refreshed every 2 s).</source>
        <translation>本地用户池发送的验证码，最新的在前（每 2 秒刷新）。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Open the verification link</source>
        <translation>打开验证链接</translation>
    </message>
    <message>
        <source>Codes the local pool sent</source>
        <translation>本地用户池发送的验证码</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>PasskeyDialog</name>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation>插入你的安全密钥，它闪烁时触摸它。</translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation>请现在触摸你的安全密钥。</translation>
    </message>
    <message>
        <source>Waiting for the key…</source>
        <translation>正在等待密钥…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Add key</source>
        <translation>添加密钥</translation>
    </message>
    <message>
        <source>Save name</source>
        <translation>保存名称</translation>
    </message>
    <message>
        <source>Add the security key</source>
        <translation>添加这把安全密钥</translation>
    </message>
    <message>
        <source>Save the key&apos;s name</source>
        <translation>保存密钥的名称</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>添加安全密钥</translation>
    </message>
    <message>
        <source>Name the key so you can tell it from others, then touch it when asked. If the key has a PIN, you will be asked for it.</source>
        <translation>为密钥起个名字，方便和其他密钥区分，然后在提示时触摸它。如果密钥设有 PIN，会请你输入。</translation>
    </message>
    <message>
        <source>Rename the key</source>
        <translation>重命名密钥</translation>
    </message>
    <message>
        <source>The name only helps you tell your keys apart.</source>
        <translation>名称只用于帮你区分自己的密钥。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Name of the key</source>
        <translation>密钥名称</translation>
    </message>
    <message>
        <source>e.g. Blue USB key</source>
        <translation>例如：蓝色 USB 密钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PasskeyKind</name>
    <message>
        <source>Security key</source>
        <translation>安全密钥</translation>
    </message>
    <message>
        <source>Fingerprint on a device</source>
        <translation>设备上的指纹</translation>
    </message>
    <message>
        <source>Face recognition on a device</source>
        <translation>设备上的人脸识别</translation>
    </message>
    <message>
        <source>Passkey on a device</source>
        <translation>设备上的通行密钥</translation>
    </message>
    <message>
        <source>Passkey on a phone</source>
        <translation>手机上的通行密钥</translation>
    </message>
    <message>
        <source>Passkey</source>
        <translation>通行密钥</translation>
    </message>
</context>
<context>
    <name>PasskeyRowView</name>
    <message>
        <source>{kind} · Added {added} · {used}</source>
        <translation>{kind} · 添加于 {added} · {used}</translation>
    </message>
    <message>
        <source>(date unknown)</source>
        <translation>（日期未知）</translation>
    </message>
    <message>
        <source>Key: {name}</source>
        <translation>密钥：{name}</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Rename {name}</source>
        <translation>重命名 {name}</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>移除 {name}</translation>
    </message>
</context>
<context>
    <name>Passkeys</name>
    <message>
        <source>The key was added, but the user pool does not list it. Refresh the page.</source>
        <translation>密钥已添加，但用户池的列表中没有它。请刷新页面。</translation>
    </message>
    <message>
        <source>The user pool accepted the key, but does not let the app sign in with it. Sign in with your password instead.</source>
        <translation>用户池接受了这把密钥，但不允许本应用用它登录。请改用密码登录。</translation>
    </message>
    <message>
        <source>This user pool does not accept a security key as the second step here. Choose another way.</source>
        <translation>该用户池在这里不接受用安全密钥完成第二步验证。请选择其他方式。</translation>
    </message>
    <message>
        <source>The user pool did not accept the key&apos;s answer. Try again; if it keeps happening, remove the key and add it again.</source>
        <translation>用户池未接受密钥的应答。请重试；如果一直如此，请移除该密钥后重新添加。</translation>
    </message>
    <message>
        <source>The account this key belonged to no longer exists.</source>
        <translation>这把密钥所属的账号已不存在。</translation>
    </message>
</context>
<context>
    <name>PasskeysCard</name>
    <message>
        <source>Passkeys and security keys</source>
        <translation>通行密钥和安全密钥</translation>
    </message>
    <message>
        <source>Sign in by touching a security key instead of typing a password. Add a second key and keep it safe: losing your only key then does not lock you out.</source>
        <translation>触摸安全密钥即可登录，无需输入密码。再添加一把备用密钥并妥善保管：这样即使丢了唯一的密钥，也不会被锁在账号之外。</translation>
    </message>
    <message>
        <source>No security key yet. Add one to sign in without your password.</source>
        <translation>还没有安全密钥。添加一把即可不用密码登录。</translation>
    </message>
    <message>
        <source>Add a security key…</source>
        <translation>添加安全密钥…</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>添加安全密钥</translation>
    </message>
</context>
<context>
    <name>PasskeysPresenter</name>
    <message>
        <source>Last used: {when}</source>
        <translation>上次使用：{when}</translation>
    </message>
    <message>
        <source>Not used yet</source>
        <translation>尚未使用</translation>
    </message>
    <message>
        <source>Please give the key a name, e.g. &quot;Blue USB key&quot;.</source>
        <translation>请为密钥起个名字，例如“蓝色 USB 密钥”。</translation>
    </message>
    <message numerus="yes">
        <source>A name has at most %n characters.</source>
        <translation>
            <numerusform>名称最多 %n 个字符。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Show the password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Hide the password</source>
        <translation>隐藏密码</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>Strength: {label}</source>
        <translation>强度：{label}</translation>
    </message>
    <message>
        <source>meets the pool&apos;s password policy</source>
        <translation>符合用户池的密码策略</translation>
    </message>
    <message>
        <source>too weak</source>
        <translation>太弱</translation>
    </message>
    <message>
        <source>rejected by the pool&apos;s policy: {reason}</source>
        <translation>不符合用户池的密码策略：{reason}</translation>
    </message>
</context>
<context>
    <name>PasswordForm</name>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
</context>
<context>
    <name>PasswordStrength</name>
    <message>
        <source>Very weak</source>
        <translation>非常弱</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
</context>
<context>
    <name>PolicyWording</name>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>After %n failure(s) within {window}</source>
        <translation>
            <numerusform>{window}内失败 %n 次后</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every %n day(s)</source>
        <translation>
            <numerusform>每 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n digit(s)</source>
        <translation>
            <numerusform>%n 位</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Email sign-in needs a verified email</source>
        <translation>邮箱登录需要已验证的邮箱</translation>
    </message>
    <message>
        <source>New emails count as verified</source>
        <translation>新邮箱默认视为已验证</translation>
    </message>
    <message>
        <source>Changing the email needs a code sent to the old one</source>
        <translation>修改邮箱需验证原邮箱</translation>
    </message>
    <message>
        <source>Changing the phone needs a code sent to the old one</source>
        <translation>修改手机号需验证原手机号</translation>
    </message>
    <message>
        <source>Captcha after failed sign-ins</source>
        <translation>登录失败后要求图形验证码</translation>
    </message>
    <message>
        <source>Account locks after wrong passwords</source>
        <translation>密码错误后锁定账号</translation>
    </message>
    <message>
        <source>Sign-up</source>
        <translation>注册</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>开放</translation>
    </message>
    <message>
        <source>At most {count} within {window}</source>
        <translation>{window}内最多 {count} 次</translation>
    </message>
    <message>
        <source>Sign-up rate limit</source>
        <translation>注册频率限制</translation>
    </message>
    <message>
        <source>Sign-ins last</source>
        <translation>登录有效期</translation>
    </message>
    <message>
        <source>Verification codes</source>
        <translation>验证码长度</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you again after</source>
        <translation>再次确认身份的间隔</translation>
    </message>
    <message>
        <source>Passwords must be changed</source>
        <translation>密码必须定期修改</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
</context>
<context>
    <name>PoolLauncher</name>
    <message>
        <source>The local user pool could not start: {reason}</source>
        <translation>本地用户池无法启动：{reason}</translation>
    </message>
    <message>
        <source>The local user pool is ready at {url}.</source>
        <translation>本地用户池已就绪：{url}。</translation>
    </message>
    <message>
        <source>The local user pool stopped unexpectedly. Restart the app to start it again.</source>
        <translation>本地用户池意外停止。请重新启动应用以再次启动它。</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Connection profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Local pool (built in)</source>
        <translation>本地用户池（内置）</translation>
    </message>
    <message>
        <source>Remote Authing user pool</source>
        <translation>远程 Authing 用户池</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>App host</source>
        <translation>应用地址</translation>
    </message>
    <message>
        <source>App ID</source>
        <translation>应用 ID</translation>
    </message>
    <message>
        <source>User pool ID</source>
        <translation>用户池 ID</translation>
    </message>
    <message>
        <source>Public key (optional)</source>
        <translation>公钥（可选）</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Contact and address</source>
        <translation>联系方式和地址</translation>
    </message>
    <message>
        <source>Language and region</source>
        <translation>语言和地区</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Preferred username</source>
        <translation>首选用户名</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Photo URL</source>
        <translation>头像地址</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网站</translation>
    </message>
    <message>
        <source>Personal details</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Profile page</source>
        <translation>个人主页</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>名</translation>
    </message>
    <message>
        <source>Middle name</source>
        <translation>中间名</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>姓</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Formatted address</source>
        <translation>完整地址</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <source>Locality</source>
        <translation>所在地</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>省份</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮政编码</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Phone country code</source>
        <translation>电话国家代码</translation>
    </message>
    <message>
        <source>Locale</source>
        <translation>语言区域</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>浏览器</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
    <message>
        <source>1 to 64 characters without spaces.</source>
        <translation>1 到 64 个字符，不含空格。</translation>
    </message>
    <message>
        <source>at most {count} characters.</source>
        <translation>最多 {count} 个字符。</translation>
    </message>
    <message>
        <source>choose one of the listed values.</source>
        <translation>请从列出的值中选择。</translation>
    </message>
    <message>
        <source>use the form YYYY-MM-DD.</source>
        <translation>请使用 YYYY-MM-DD 格式。</translation>
    </message>
    <message>
        <source>enter a web address starting with http:// or https://.</source>
        <translation>请输入以 http:// 或 https:// 开头的网址。</translation>
    </message>
    <message>
        <source>use a language tag such as zh-CN or en-US.</source>
        <translation>请使用语言标记，例如 zh-CN 或 en-US。</translation>
    </message>
    <message>
        <source>use a time zone name such as Asia/Shanghai.</source>
        <translation>请使用时区名称，例如 Asia/Shanghai。</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Profile saved.</source>
        <translation>个人资料已保存。</translation>
    </message>
    <message>
        <source>The accounts are linked.</source>
        <translation>账号已关联。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>Sign in to see and edit your profile.</source>
        <translation>登录后可查看和编辑你的个人资料。</translation>
    </message>
    <message>
        <source>User ID</source>
        <translation>用户 ID</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>登录次数</translation>
    </message>
    <message>
        <source>Profile photo</source>
        <translation>头像</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Not specified</source>
        <translation>不透露</translation>
    </message>
    <message>
        <source>Genders</source>
        <translation>性别选项</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>User ID copied.</source>
        <translation>已复制用户 ID。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}：{value}</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>No email address</source>
        <translation>未绑定邮箱</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>No phone number</source>
        <translation>未绑定手机号</translation>
    </message>
    <message>
        <source>How you appear to the apps you sign in to: your name, photo and details.</source>
        <translation>你在所登录的应用中的形象：名称、头像和其他资料。</translation>
    </message>
    <message>
        <source>Signed up</source>
        <translation>注册方式</translation>
    </message>
    <message>
        <source>Copy user ID</source>
        <translation>复制用户 ID</translation>
    </message>
    <message>
        <source>Copy the user ID</source>
        <translation>复制用户 ID</translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation>更换头像</translation>
    </message>
    <message>
        <source>Change the profile photo</source>
        <translation>更换个人头像</translation>
    </message>
    <message>
        <source>Enter the web address of a picture, then Save</source>
        <translation>输入图片的网址，然后保存</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>更多资料</translation>
    </message>
    <message>
        <source>Show or hide the other profile fields</source>
        <translation>显示或隐藏其他资料字段</translation>
    </message>
    <message>
        <source>Other names, address, language and region, device</source>
        <translation>其他姓名、地址、语言和地区、设备</translation>
    </message>
    <message>
        <source>Save the changed fields</source>
        <translation>保存已更改的字段</translation>
    </message>
    <message>
        <source>Send only the fields you changed (Ctrl+S)</source>
        <translation>只提交你更改过的字段（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Undo the unsaved changes</source>
        <translation>撤销未保存的更改</translation>
    </message>
    <message>
        <source>You have unsaved changes.</source>
        <translation>你有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>Have a second account in this user pool? Merge it into this one.</source>
        <translation>在此用户池中还有另一个账号？可以把它合并到当前账号。</translation>
    </message>
    <message>
        <source>Link another account…</source>
        <translation>关联其他账号…</translation>
    </message>
    <message>
        <source>Link another account</source>
        <translation>关联其他账号</translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>配置：</translation>
    </message>
    <message>
        <source>Connection profile</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Network inspector</source>
        <translation>网络检查器</translation>
    </message>
    <message>
        <source>Show every API call of this session</source>
        <translation>显示本次会话的每一次 API 调用</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Enter a name of at most 80 characters.</source>
        <translation>请输入不超过 80 个字符的名称。</translation>
    </message>
    <message>
        <source>Choose the local pool or a remote pool.</source>
        <translation>请选择本地用户池或远程用户池。</translation>
    </message>
    <message>
        <source>There is already a local pool profile.</source>
        <translation>已经有一个本地用户池配置。</translation>
    </message>
    <message>
        <source>Enter the app&apos;s address, e.g. https://example.authing.cn.</source>
        <translation>请输入应用地址，例如 https://example.authing.cn。</translation>
    </message>
    <message>
        <source>Use letters, digits, &apos;_&apos; or &apos;-&apos; only (at most 64).</source>
        <translation>只能使用字母、数字、“_”或“-”（最多 64 个）。</translation>
    </message>
    <message>
        <source>Enter the app id or the user pool id (or both).</source>
        <translation>请输入应用 ID 或用户池 ID（或两者）。</translation>
    </message>
    <message>
        <source>Paste a PEM public key (BEGIN PUBLIC KEY … END).</source>
        <translation>请粘贴 PEM 格式的公钥（BEGIN PUBLIC KEY … END）。</translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation>本地用户池</translation>
    </message>
    <message>
        <source>That connection profile does not exist any more.</source>
        <translation>该连接配置已不存在。</translation>
    </message>
    <message>
        <source>That account is not remembered for this profile.</source>
        <translation>此配置没有记住该账号。</translation>
    </message>
    <message>
        <source>The last connection profile cannot be removed.</source>
        <translation>不能删除最后一个连接配置。</translation>
    </message>
    <message>
        <source>The settings could not be saved: {reason}</source>
        <translation>无法保存设置：{reason}</translation>
    </message>
</context>
<context>
    <name>ProfilesTab</name>
    <message>
        <source>built-in local pool</source>
        <translation>内置本地用户池</translation>
    </message>
    <message>
        <source>{profile} (in use)</source>
        <translation>{profile}（当前使用）</translation>
    </message>
    <message>
        <source>Remove the connection profile “{name}”? Its saved sign-ins are deleted from the keychain.</source>
        <translation>删除连接配置“{name}”？其保存的登录信息将从钥匙串中删除。</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Remembered accounts</source>
        <translation>记住的账号</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Remembered accounts of the active profile</source>
        <translation>当前配置记住的账号</translation>
    </message>
    <message>
        <source>Sign in as</source>
        <translation>登录为</translation>
    </message>
</context>
<context>
    <name>RecoverPage</name>
    <message>
        <source>Reset your password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>We send a verification code to your email address or phone; with it you choose a new password.</source>
        <translation>我们会向你的邮箱或手机发送验证码，凭验证码即可设置新密码。</translation>
    </message>
    <message>
        <source>Code by email</source>
        <translation>通过邮件接收验证码</translation>
    </message>
    <message>
        <source>Code by SMS</source>
        <translation>通过短信接收验证码</translation>
    </message>
    <message>
        <source>Send the code</source>
        <translation>验证码发送方式</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>邮件验证码</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <source>Where to send the code</source>
        <translation>验证码发送方式</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>返回登录</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeControls</name>
    <message>
        <source>A new recovery code was made; the old one no longer works.</source>
        <translation>已生成新的恢复码，旧恢复码已失效。</translation>
    </message>
    <message>
        <source>Regenerate…</source>
        <translation>重新生成…</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>生成新的恢复码</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Making…</source>
        <translation>正在生成…</translation>
    </message>
    <message>
        <source>Make a new code</source>
        <translation>生成新恢复码</translation>
    </message>
    <message>
        <source>Make a new recovery code</source>
        <translation>生成新的恢复码</translation>
    </message>
    <message>
        <source>Your current recovery code stops working as soon as the new one is made. To confirm it is you, type the code your authenticator app shows now.</source>
        <translation>新恢复码生成后，当前的恢复码会立即失效。为确认是你本人，请输入身份验证器应用当前显示的验证码。</translation>
    </message>
    <message>
        <source>Code shown by the app</source>
        <translation>应用显示的验证码</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>This is your new recovery code; the old one no longer works. If you lose your phone, it signs you in once. Keep it somewhere safe: it is shown only now.</source>
        <translation>这是你的新恢复码，旧恢复码已失效。如果手机丢失，可用它登录一次。请妥善保管：它只显示这一次。</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新的恢复码</translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation>我已保存</translation>
    </message>
</context>
<context>
    <name>RecoveryCodePresenter</name>
    <message>
        <source>This code does not match. Type the current code from your app.</source>
        <translation>验证码不正确，请输入应用当前显示的验证码。</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeSaver</name>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Save the recovery code</source>
        <translation>保存恢复码</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>Recovery code for two-step verification (works once):</source>
        <translation>两步验证恢复码（仅可使用一次）：</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Could not save it: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存至 {path}。</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the recovery code</source>
        <translation>复制恢复码</translation>
    </message>
    <message>
        <source>Save to a file…</source>
        <translation>保存为文件…</translation>
    </message>
    <message>
        <source>Save the recovery code to a file</source>
        <translation>将恢复码保存为文件</translation>
    </message>
</context>
<context>
    <name>RecoveryKitPrinter</name>
    <message>
        <source>Save the recovery kit</source>
        <translation>保存恢复工具包</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Recovery kit</source>
        <translation>恢复工具包</translation>
    </message>
    <message>
        <source>Keep this page somewhere safe. If you lose the phone with your authenticator app, the recovery code signs you in once; a new code is then shown, and this one no longer works.</source>
        <translation>请将此页妥善保管。如果装有身份验证器应用的手机丢失，可用恢复码登录一次；之后会显示新的恢复码，此恢复码随即失效。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Verified contacts</source>
        <translation>已验证的联系方式</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Code made {date}.</source>
        <translation>恢复码生成于 {date}。</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Could not save it: {reason}</source>
        <translation>无法保存：{reason}</translation>
    </message>
    <message>
        <source>Recovery kit saved to {path}.</source>
        <translation>恢复工具包已保存到 {path}。</translation>
    </message>
    <message>
        <source>Print kit…</source>
        <translation>打印工具包…</translation>
    </message>
    <message>
        <source>Save the recovery kit as a PDF to print</source>
        <translation>将恢复工具包保存为 PDF 以便打印</translation>
    </message>
</context>
<context>
    <name>Replay</name>
    <message>
        <source>This flow was recorded with the scenario “{name}”. Put its file ({name}.toml or {name}.json) next to the transcript, or in a “scenarios” folder beside it, and replay again.</source>
        <translation>此流程是在场景“{name}”下录制的。请将该场景文件（{name}.toml 或 {name}.json）放在记录文件旁边，或放在其旁边的“scenarios”文件夹中，然后重新重放。</translation>
    </message>
    <message>
        <source>The scenario of this transcript cannot be used: {reason}</source>
        <translation>无法使用此记录的场景：{reason}</translation>
    </message>
    <message>
        <source>That pool did not let the replay read the codes it sent: only this app&apos;s own local pool, or a fresh one, can be used. Leave the pool address empty to replay on a fresh pool.</source>
        <translation>该用户池不允许回放读取它发出的验证码：只能使用本应用自己的本地用户池或一个新的用户池。将用户池地址留空即可在新的用户池上回放。</translation>
    </message>
    <message>
        <source>The replay could not run: {reason}</source>
        <translation>无法运行重放：{reason}</translation>
    </message>
</context>
<context>
    <name>ReplayDiffView</name>
    <message>
        <source>{count} call(s) ended differently</source>
        <translation>{count} 次调用的结果不同</translation>
    </message>
    <message>
        <source>All replayed calls matched.</source>
        <translation>所有重放的调用结果一致。</translation>
    </message>
    <message>
        <source>Calls that ended differently</source>
        <translation>结果不同的调用</translation>
    </message>
    <message>
        <source>Original outcome</source>
        <translation>原始结果</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Replayed outcome</source>
        <translation>重放结果</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>重放</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Set a new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <source>This is the first sign-in of {account}: please choose your own password.</source>
        <translation>这是 {account} 的首次登录：请设置你自己的密码。</translation>
    </message>
    <message>
        <source>The password of {account} must be changed before you can sign in.</source>
        <translation>{account} 的密码必须修改后才能登录。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>设置密码并登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>再次输入</translation>
    </message>
</context>
<context>
    <name>SecondFactorDialog</name>
    <message>
        <source>Two-step verification</source>
        <translation>两步验证</translation>
    </message>
    <message>
        <source>{account} has two-step verification on. Confirm it is you with a second factor.</source>
        <translation>{account} 已开启两步验证。请用第二种方式确认是你本人。</translation>
    </message>
    <message>
        <source>This account has two-step verification on. Confirm it is you with a second factor.</source>
        <translation>此账号已开启两步验证。请用第二种方式确认是你本人。</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>身份验证器应用</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>邮箱验证码</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>安全密钥</translation>
    </message>
    <message>
        <source>Or with</source>
        <translation>或使用</translation>
    </message>
    <message>
        <source>Verify with</source>
        <translation>验证方式</translation>
    </message>
    <message>
        <source>Second factor</source>
        <translation>第二验证方式</translation>
    </message>
    <message>
        <source>Use a security key</source>
        <translation>使用安全密钥</translation>
    </message>
    <message>
        <source>Use a security key instead of a code</source>
        <translation>用安全密钥代替验证码</translation>
    </message>
    <message>
        <source>Insert the security key you added to this account, then touch it when it blinks.</source>
        <translation>插入你为此账号添加的安全密钥，它闪烁时触摸它。</translation>
    </message>
    <message>
        <source>Waiting for the key…</source>
        <translation>正在等待密钥…</translation>
    </message>
    <message>
        <source>Verify and sign in</source>
        <translation>验证并登录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the sign-in</source>
        <translation>取消登录</translation>
    </message>
    <message>
        <source>You are signed in. Your recovery code was used up: this is your NEW recovery code. Keep it somewhere safe, it is shown only now.</source>
        <translation>你已登录。原恢复码已失效：这是你的新恢复码。请妥善保存，它只显示这一次。</translation>
    </message>
    <message>
        <source>New recovery code</source>
        <translation>新恢复码</translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation>我已保存</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
    <message>
        <source>Open your authenticator app and type the 6-digit code it shows for this account.</source>
        <translation>打开身份验证器应用，输入它为此账号显示的 6 位验证码。</translation>
    </message>
    <message>
        <source>Type the recovery code you saved when you turned on two-step verification. It works once.</source>
        <translation>输入你开启两步验证时保存的恢复码。它只能使用一次。</translation>
    </message>
    <message>
        <source>Send a code to {destination} and type it here.</source>
        <translation>发送验证码至 {destination}，然后在此输入。</translation>
    </message>
</context>
<context>
    <name>SecondFactorPresenter</name>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation>验证码已发送至 {destination}。</translation>
    </message>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation>插入你的安全密钥，它闪烁时触摸它。</translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation>请现在触摸你的安全密钥。</translation>
    </message>
    <message>
        <source>Please enter your recovery code.</source>
        <translation>请输入恢复码。</translation>
    </message>
    <message>
        <source>A recovery code has letters, digits and dashes.</source>
        <translation>恢复码由字母、数字和短横线组成。</translation>
    </message>
    <message>
        <source>Please enter the code.</source>
        <translation>请输入验证码。</translation>
    </message>
    <message>
        <source>The code has 6 digits.</source>
        <translation>验证码为 6 位数字。</translation>
    </message>
</context>
<context>
    <name>SecureAccountDialog</name>
    <message>
        <source>Secure your account</source>
        <translation>保护你的账号</translation>
    </message>
    <message>
        <source>Someone may have signed in as you from {device}. These steps lock them out; this computer stays signed in.</source>
        <translation>可能有人用 {device} 以你的身份登录了。以下步骤会把对方拒之门外，这台电脑保持登录。</translation>
    </message>
    <message>
        <source>1. Sign out every other device and session.</source>
        <translation>1. 退出所有其他设备和会话。</translation>
    </message>
    <message>
        <source>2. Choose a new password.</source>
        <translation>2. 设置新密码。</translation>
    </message>
    <message>
        <source>3. Replace your authenticator app&apos;s key and get a new recovery code.</source>
        <translation>3. 更换身份验证器应用的密钥，并获取新的恢复码。</translation>
    </message>
    <message>
        <source>Signing out…</source>
        <translation>正在退出…</translation>
    </message>
    <message>
        <source>Sign out other devices</source>
        <translation>退出其他设备</translation>
    </message>
    <message>
        <source>Sign out every other device</source>
        <translation>退出所有其他设备</translation>
    </message>
    <message>
        <source>Other devices are signed out. Now choose a new password: the old one stops working at once.</source>
        <translation>其他设备已退出。现在设置新密码：旧密码将立即失效。</translation>
    </message>
    <message>
        <source>Current password (to confirm it&apos;s you)</source>
        <translation>当前密码（用于确认是你本人）</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Skip this step</source>
        <translation>跳过此步骤</translation>
    </message>
    <message>
        <source>Last step: your authenticator app gets a new key. The old key&apos;s codes stop working, and you get a new recovery code to keep. Have your phone ready.</source>
        <translation>最后一步：为身份验证器应用设置新密钥。旧密钥生成的验证码将失效，你会得到一个需要妥善保存的新恢复码。请准备好手机。</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Set up a new authenticator</source>
        <translation>设置新的身份验证器</translation>
    </message>
    <message>
        <source>Remove the old authenticator and set up a new one</source>
        <translation>移除旧的身份验证器并设置新的</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop here and keep what is done</source>
        <translation>到此为止，保留已完成的操作</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>已完成的操作</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>SecureAccountPresenter</name>
    <message>
        <source>Please enter your current password to confirm it&apos;s you.</source>
        <translation>请输入当前密码，以确认是你本人。</translation>
    </message>
    <message>
        <source>That password is not right. Try again.</source>
        <translation>密码不正确，请重试。</translation>
    </message>
    <message numerus="yes">
        <source>Signed out %n other device(s). Their sessions no longer work.</source>
        <translation>
            <numerusform>已退出 %n 台其他设备，它们的会话已失效。</numerusform>
        </translation>
    </message>
    <message>
        <source>Other devices were NOT signed out (the request failed). Try again from Devices and sessions.</source>
        <translation>其他设备未能退出（请求失败）。请在“设备与会话”中重试。</translation>
    </message>
    <message>
        <source>Other devices were not signed out (skipped).</source>
        <translation>未退出其他设备（已跳过）。</translation>
    </message>
    <message>
        <source>Other devices were not signed out (cancelled).</source>
        <translation>未退出其他设备（已取消）。</translation>
    </message>
    <message>
        <source>Password changed. The old password no longer works.</source>
        <translation>密码已修改，旧密码已失效。</translation>
    </message>
    <message>
        <source>Password not changed (skipped). Change it on the Security page.</source>
        <translation>密码未修改（已跳过）。请在“安全”页面修改。</translation>
    </message>
    <message>
        <source>Password not changed (cancelled). Change it on the Security page.</source>
        <translation>密码未修改（已取消）。请在“安全”页面修改。</translation>
    </message>
    <message>
        <source>Two-step verification reset: the old authenticator&apos;s codes no longer work, and you have a new recovery code.</source>
        <translation>两步验证已重置：旧身份验证器的验证码已失效，你已获得新的恢复码。</translation>
    </message>
    <message>
        <source>Two-step verification is off, so there was nothing to reset. Consider turning it on.</source>
        <translation>两步验证未开启，无需重置。建议开启两步验证。</translation>
    </message>
    <message>
        <source>The old authenticator was removed, but no new one was set up: two-step verification is OFF. Turn it on again on the Security page.</source>
        <translation>旧的身份验证器已移除，但未设置新的：两步验证现已关闭。请在“安全”页面重新开启。</translation>
    </message>
    <message>
        <source>Two-step verification not reset (skipped).</source>
        <translation>两步验证未重置（已跳过）。</translation>
    </message>
    <message>
        <source>Two-step verification not reset (cancelled).</source>
        <translation>两步验证未重置（已取消）。</translation>
    </message>
</context>
<context>
    <name>SecurityChecklist</name>
    <message>
        <source>Password set</source>
        <translation>已设置密码</translation>
    </message>
    <message>
        <source>Set a password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Strong password</source>
        <translation>高强度密码</translation>
    </message>
    <message>
        <source>Choose a stronger password</source>
        <translation>换一个更强的密码</translation>
    </message>
    <message>
        <source>Email address bound</source>
        <translation>已绑定邮箱</translation>
    </message>
    <message>
        <source>Bind an email address</source>
        <translation>绑定邮箱</translation>
    </message>
    <message>
        <source>Phone number bound</source>
        <translation>已绑定手机号</translation>
    </message>
    <message>
        <source>Bind a phone number</source>
        <translation>绑定手机号</translation>
    </message>
    <message>
        <source>Multi-factor authentication</source>
        <translation>多因素认证</translation>
    </message>
    <message>
        <source>Set up multi-factor authentication</source>
        <translation>设置多因素认证</translation>
    </message>
</context>
<context>
    <name>SecurityCheckupDialog</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>See the summary</source>
        <translation>查看总结</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>looks good</source>
        <translation>状态良好</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>总结</translation>
    </message>
    <message>
        <source>{step}: {reason}</source>
        <translation>{step}：{reason}</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Security Checkup</source>
        <translation>安全检查</translation>
    </message>
    <message>
        <source>Checkup steps</source>
        <translation>检查步骤</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close the checkup</source>
        <translation>关闭安全检查</translation>
    </message>
    <message>
        <source>Checking your account…</source>
        <translation>正在检查你的账号…</translation>
    </message>
</context>
<context>
    <name>SecurityKey</name>
    <message>
        <source>No security key was found. Plug in your key (or hold it to the reader) and try again.</source>
        <translation>未找到安全密钥。请插入密钥（或将其靠近读卡器）后重试。</translation>
    </message>
    <message>
        <source>A security key is plugged in, but Linux does not let this app use it. Install the udev rule for FIDO keys and add yourself to the plugdev group (see &quot;Passkeys&quot; in the README), then unplug the key and plug it in again.</source>
        <translation>已插入安全密钥，但 Linux 不允许本应用使用它。请安装 FIDO 密钥的 udev 规则，并把自己加入 plugdev 组（见 README 中的“Passkeys”一节），然后拔下密钥再重新插入。</translation>
    </message>
    <message>
        <source>This version of Windows cannot use security keys from apps. Windows 10 version 1903 or later is needed.</source>
        <translation>此版本的 Windows 不支持应用使用安全密钥。需要 Windows 10 1903 或更高版本。</translation>
    </message>
    <message>
        <source>Stopped. Nothing was changed.</source>
        <translation>已停止，没有做任何更改。</translation>
    </message>
    <message>
        <source>The key was not touched in time. Try again, and touch the key when its light blinks.</source>
        <translation>没有及时触摸密钥。请重试，并在密钥指示灯闪烁时触摸它。</translation>
    </message>
    <message>
        <source>The key needs its PIN to continue. Try again and enter the PIN.</source>
        <translation>密钥需要 PIN 才能继续。请重试并输入 PIN。</translation>
    </message>
    <message>
        <source>The PIN was wrong. Try again; after several wrong PINs the key locks itself.</source>
        <translation>PIN 错误。请重试；连续多次输错后密钥会自行锁定。</translation>
    </message>
    <message>
        <source>The key is locked after too many wrong PINs. Reset it with its maker&apos;s tool (this erases its keys).</source>
        <translation>PIN 输错次数过多，密钥已锁定。请用厂商的工具重置它（这会清除其中的密钥）。</translation>
    </message>
    <message>
        <source>The key asks for a PIN, but none is set. Set a PIN with its maker&apos;s tool first.</source>
        <translation>密钥要求 PIN，但尚未设置。请先用厂商的工具设置 PIN。</translation>
    </message>
    <message>
        <source>This key is not registered for this account here. Sign in another way, then add the key on the Security page.</source>
        <translation>这把密钥未在此处注册到账号。请用其他方式登录，然后在“账号安全”页面添加这把密钥。</translation>
    </message>
    <message>
        <source>This key is already added to your account.</source>
        <translation>这把密钥已添加到你的账号。</translation>
    </message>
    <message>
        <source>This key does not support what the user pool asks for. Try another key.</source>
        <translation>这把密钥不支持用户池的要求。请换一把密钥。</translation>
    </message>
    <message>
        <source>The user pool&apos;s address cannot be used with security keys: it must use https (or be this computer).</source>
        <translation>用户池的地址无法使用安全密钥：它必须使用 https（或位于本机）。</translation>
    </message>
    <message>
        <source>Another request to the security key is still running. Finish or cancel it first.</source>
        <translation>另一个安全密钥请求仍在进行中。请先完成或取消它。</translation>
    </message>
    <message>
        <source>The security key did not answer as expected. Unplug it, plug it in again and try again.</source>
        <translation>安全密钥的应答不符合预期。请拔下后重新插入，再试一次。</translation>
    </message>
</context>
<context>
    <name>SecurityKeyPinDialog</name>
    <message>
        <source>Security key PIN</source>
        <translation>安全密钥 PIN</translation>
    </message>
    <message>
        <source>Your security key is protected by a PIN. Enter it to continue; the key checks it, the app does not keep it.</source>
        <translation>你的安全密钥受 PIN 保护。输入 PIN 以继续；PIN 由密钥校验，本应用不会保存。</translation>
    </message>
    <message>
        <source>Several wrong PINs in a row lock the key.</source>
        <translation>连续多次输错 PIN 会锁定密钥。</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Send the PIN to the key</source>
        <translation>将 PIN 发送给密钥</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel: do not use the key</source>
        <translation>取消：不使用密钥</translation>
    </message>
    <message numerus="yes">
        <source>A security key PIN has at least %n characters.</source>
        <translation>
            <numerusform>安全密钥的 PIN 至少 %n 个字符。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SecurityPage</name>
    <message>
        <source>Two-step verification is on.</source>
        <translation>两步验证已开启。</translation>
    </message>
    <message>
        <source>Turn off two-step verification?</source>
        <translation>关闭两步验证？</translation>
    </message>
    <message>
        <source>Signing in will only ask for your password again, and your recovery code stops working.</source>
        <translation>登录将只需要密码，你的恢复码也将失效。</translation>
    </message>
    <message>
        <source>Turn off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Keep it on</source>
        <translation>保持开启</translation>
    </message>
    <message>
        <source>Two-step verification is off.</source>
        <translation>两步验证已关闭。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>待完成</translation>
    </message>
    <message>
        <source>Not available in this version yet.</source>
        <translation>此版本尚不支持。</translation>
    </message>
    <message>
        <source>Security score: {score} of 100</source>
        <translation>安全评分：{score}（满分 100）</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Add a security key</source>
        <translation>添加安全密钥</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Set…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>正在修改…</translation>
    </message>
    <message>
        <source>How well your account is protected, and the ways you sign in.</source>
        <translation>你的账号受保护的程度，以及你的登录方式。</translation>
    </message>
    <message>
        <source>Security score</source>
        <translation>安全评分</translation>
    </message>
    <message>
        <source>Run a security checkup</source>
        <translation>运行安全检查</translation>
    </message>
    <message>
        <source>Ways to sign in</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>账号安全</translation>
    </message>
    <message>
        <source>Sign in to see your security level and change your password.</source>
        <translation>登录后可查看你的安全等级并修改密码。</translation>
    </message>
    <message>
        <source>of 100</source>
        <translation>满分 100</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>检查清单</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Removed “{name}”. It can no longer sign in.</source>
        <translation>已移除“{name}”，它不能再用于登录。</translation>
    </message>
    <message>
        <source>Added “{name}”. You can sign in with it now.</source>
        <translation>已添加“{name}”，现在可以用它登录了。</translation>
    </message>
    <message>
        <source>Renamed to “{name}”.</source>
        <translation>已重命名为“{name}”。</translation>
    </message>
    <message>
        <source>Remove “{name}”?</source>
        <translation>移除“{name}”？</translation>
    </message>
    <message>
        <source>This key will no longer sign in to your account. You can add it again later.</source>
        <translation>这把密钥将不能再登录你的账号。以后可以重新添加。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Turn on…</source>
        <translation>开启…</translation>
    </message>
    <message>
        <source>Turn on two-step verification</source>
        <translation>开启两步验证</translation>
    </message>
    <message>
        <source>Turn off…</source>
        <translation>关闭…</translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation>关闭两步验证</translation>
    </message>
    <message>
        <source>Manage…</source>
        <translation>管理…</translation>
    </message>
    <message>
        <source>Manage your passkeys and security keys</source>
        <translation>管理你的通行密钥和安全密钥</translation>
    </message>
    <message>
        <source>Phone &amp;&amp; email…</source>
        <translation>手机与邮箱…</translation>
    </message>
    <message>
        <source>Manage your phone number and email address</source>
        <translation>管理你的手机号和邮箱地址</translation>
    </message>
    <message>
        <source>Change the password</source>
        <translation>修改密码</translation>
    </message>
</context>
<context>
    <name>SecurityPresenter</name>
    <message>
        <source>Please enter your current password.</source>
        <translation>请输入当前密码。</translation>
    </message>
    <message>
        <source>The user pool&apos;s password policy does not accept this password.</source>
        <translation>用户池的密码策略不接受此密码。</translation>
    </message>
    <message>
        <source>Choose a password the user pool accepts.</source>
        <translation>请选择用户池接受的密码。</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Not connected to the user pool yet. Please try again.</source>
        <translation>尚未连接到用户池，请重试。</translation>
    </message>
    <message>
        <source>Your saved sign-in could not be checked: {reason}</source>
        <translation>无法验证已保存的登录状态：{reason}</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Please sign in again.</source>
        <translation>登录已过期，请重新登录。</translation>
    </message>
    <message>
        <source>Your saved sign-in is no longer valid. Please sign in again.</source>
        <translation>已保存的登录状态已失效，请重新登录。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The settings file could not be read ({reason}), so the defaults are used. The old file was kept as {backup}.</source>
        <translation>无法读取设置文件（{reason}），已改用默认设置。原文件已保留为 {backup}。</translation>
    </message>
</context>
<context>
    <name>SignInAlertsPresenter</name>
    <message numerus="yes">
        <source>%n failed sign-in attempt(s) on your account</source>
        <translation>
            <numerusform>你的账号有 %n 次登录失败</numerusform>
        </translation>
    </message>
    <message>
        <source>New sign-in to your account</source>
        <translation>你的账号有新的登录</translation>
    </message>
    <message>
        <source>at an unknown time</source>
        <translation>时间未知</translation>
    </message>
    <message>
        <source>an unknown address</source>
        <translation>未知地址</translation>
    </message>
    <message>
        <source>The latest from {device} at {place} ({when}). If this was not you, someone may be guessing your password.</source>
        <translation>最近一次来自 {place} 的 {device}（{when}）。如果不是你本人，可能有人在猜测你的密码。</translation>
    </message>
    <message>
        <source>{device} at {place} ({when}). If this was not you, secure your account now.</source>
        <translation>{place} 的 {device}（{when}）。如果不是你本人，请立即保护你的账号。</translation>
    </message>
    <message>
        <source>The latest from {device} at {place} ({when}).</source>
        <translation>最近一次来自 {place} 的 {device}（{when}）。</translation>
    </message>
    <message>
        <source>{device} at {place} ({when}). Was this you?</source>
        <translation>{place} 的 {device}（{when}）。是你本人吗？</translation>
    </message>
</context>
<context>
    <name>SignInMethods</name>
    <message>
        <source>On</source>
        <translation>已开启</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>未开启</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Set a password below to sign in with it.</source>
        <translation>在下方设置密码后即可用密码登录。</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>较弱</translation>
    </message>
    <message>
        <source>Set: a longer password with more kinds of characters is harder to guess.</source>
        <translation>已设置：更长、字符种类更多的密码更难被猜中。</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Set, and strong.</source>
        <translation>已设置，强度高。</translation>
    </message>
    <message>
        <source>Passkeys and security keys</source>
        <translation>通行密钥和安全密钥</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n 把密钥</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign in by touching your security key, no password needed.</source>
        <translation>触摸安全密钥即可登录，无需密码。</translation>
    </message>
    <message>
        <source>Add a security key to sign in without typing your password.</source>
        <translation>添加安全密钥，登录时无需输入密码。</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>身份验证器应用</translation>
    </message>
    <message>
        <source>Signing in also asks for a code from your authenticator app.</source>
        <translation>登录时还需要输入身份验证器应用中的验证码。</translation>
    </message>
    <message>
        <source>Add a code from an app to your password, so a stolen password alone cannot sign in.</source>
        <translation>在密码之外再加一个应用验证码，这样仅凭被盗的密码无法登录。</translation>
    </message>
    <message>
        <source>SMS or email code</source>
        <translation>短信或邮件验证码</translation>
    </message>
    <message>
        <source>Sign in with a code sent to your phone or your email.</source>
        <translation>使用发送到你手机或邮箱的验证码登录。</translation>
    </message>
    <message>
        <source>Sign in with a code sent to your phone.</source>
        <translation>使用发送到你手机的验证码登录。</translation>
    </message>
    <message>
        <source>Sign in with a code sent to your email.</source>
        <translation>使用发送到你邮箱的验证码登录。</translation>
    </message>
    <message>
        <source>Add a phone number or an email address to get codes.</source>
        <translation>添加手机号或邮箱地址即可接收验证码。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>Made {date}. Signs you in once if you lose your phone, and gives you a new one. Lost it? Make a new one.</source>
        <translation>生成于 {date}。手机丢失时可用它登录一次，并获得一个新的恢复码。恢复码丢了？生成一个新的。</translation>
    </message>
    <message>
        <source>Signs you in once if you lose your phone, and gives you a new one. Lost it? Make a new one.</source>
        <translation>手机丢失时可用它登录一次，并获得一个新的恢复码。恢复码丢了？生成一个新的。</translation>
    </message>
    <message>
        <source>Comes with the authenticator app: turn that on first.</source>
        <translation>随身份验证器应用一起提供：请先开启身份验证器应用。</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation>密码已修改，请使用新密码登录。</translation>
    </message>
</context>
<context>
    <name>SignInPresenter</name>
    <message>
        <source>Please enter your username.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>Please enter your account name.</source>
        <translation>请输入账号名。</translation>
    </message>
    <message>
        <source>Please type the characters shown in the image.</source>
        <translation>请输入图片中的字符。</translation>
    </message>
    <message>
        <source>Insert your security key. When it blinks, touch it.</source>
        <translation>插入你的安全密钥，它闪烁时触摸它。</translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation>请现在触摸你的安全密钥。</translation>
    </message>
    <message>
        <source>That was not the text in the picture.</source>
        <translation>输入的内容与图片中的字符不一致。</translation>
    </message>
    <message>
        <source>The captcha was wrong. Type the characters in the new picture.</source>
        <translation>图形验证码错误。请输入新图片中的字符。</translation>
    </message>
    <message>
        <source>Sign-in stopped: the second step was not completed.</source>
        <translation>登录已中止：未完成第二步验证。</translation>
    </message>
    <message>
        <source>You need to set a new password before you can sign in.</source>
        <translation>你需要先设置新密码才能登录。</translation>
    </message>
    <message>
        <source>Your new password is set.</source>
        <translation>新密码已设置。</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <source>Choose a recent account…</source>
        <translation>选择最近使用的账号…</translation>
    </message>
    <message>
        <source>Checking your saved sign-in…</source>
        <translation>正在验证已保存的登录状态…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Waiting for your security key…</source>
        <translation>正在等待你的安全密钥…</translation>
    </message>
    <message>
        <source>Sign in with a security key</source>
        <translation>使用安全密钥登录</translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation>本地用户池</translation>
    </message>
    <message>
        <source>You are connected to the built-in local user pool: everything stays on this computer.</source>
        <translation>你已连接到内置的本地用户池：所有数据都保存在本机。</translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>邮箱和密码</translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>Phone and password</source>
        <translation>手机号和密码</translation>
    </message>
    <message>
        <source>Phone and SMS code</source>
        <translation>手机号和短信验证码</translation>
    </message>
    <message>
        <source>LDAP directory account</source>
        <translation>LDAP 目录账号</translation>
    </message>
    <message>
        <source>Active Directory account</source>
        <translation>Active Directory 账号</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>子账号</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>Sign in with</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Captcha</source>
        <translation>图形验证码</translation>
    </message>
    <message>
        <source>Recent accounts</source>
        <translation>最近使用的账号</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +86 138 0013 8000</source>
        <translation>例如 138 0013 8000 或 +86 138 0013 8000</translation>
    </message>
    <message>
        <source>Create an account if it does not exist</source>
        <translation>账号不存在时自动注册</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住我</translation>
    </message>
    <message>
        <source>Keeps you signed in; the token is stored in the system keychain.</source>
        <translation>保持登录状态；令牌保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Sign in with browser</source>
        <translation>通过浏览器登录</translation>
    </message>
    <message>
        <source>Touch a security key you added on the Security page: no password needed.</source>
        <translation>触摸你在“账号安全”页面添加的安全密钥即可登录，无需密码。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop waiting for the security key</source>
        <translation>停止等待安全密钥</translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation>忘记密码？</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>注册账号</translation>
    </message>
    <message>
        <source>Use the demo account</source>
        <translation>使用演示账号</translation>
    </message>
    <message>
        <source>Local pool: no real SMS or email is sent. Codes appear in the outbox (Support page, or run &apos;authing-desktop pool outbox&apos;).</source>
        <translation>本地用户池不会真正发送短信或邮件。验证码会出现在发件箱中（“支持”页面，或运行 &apos;authing-desktop pool outbox&apos;）。</translation>
    </message>
    <message>
        <source>LDAP user</source>
        <translation>LDAP 用户</translation>
    </message>
    <message>
        <source>AD user</source>
        <translation>AD 用户</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
</context>
<context>
    <name>SignUpPage</name>
    <message>
        <source>Create an account</source>
        <translation>注册账号</translation>
    </message>
    <message>
        <source>With an email address</source>
        <translation>使用邮箱</translation>
    </message>
    <message>
        <source>With a username</source>
        <translation>使用用户名</translation>
    </message>
    <message>
        <source>With a phone number (SMS code)</source>
        <translation>使用手机号（短信验证码）</translation>
    </message>
    <message>
        <source>Sign up</source>
        <translation>注册方式</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Repeat password</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>昵称</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>How to sign up</source>
        <translation>注册方式</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>optional, a number</source>
        <translation>选填，数字</translation>
    </message>
    <message>
        <source>Creating your account…</source>
        <translation>正在创建账号…</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>在此电脑上记住我</translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <source>Back to sign-in</source>
        <translation>返回登录</translation>
    </message>
</context>
<context>
    <name>SignUpPresenter</name>
    <message>
        <source>Please choose a username.</source>
        <translation>请设置用户名。</translation>
    </message>
    <message>
        <source>A username cannot contain spaces.</source>
        <translation>用户名不能包含空格。</translation>
    </message>
    <message>
        <source>At most 100 characters.</source>
        <translation>最多 100 个字符。</translation>
    </message>
</context>
<context>
    <name>SignedInAppsCard</name>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>已退出</translation>
    </message>
    <message>
        <source>This app</source>
        <translation>本应用</translation>
    </message>
    <message>
        <source>Last access: {when}</source>
        <translation>最近访问：{when}</translation>
    </message>
    <message>
        <source>No application has a sign-in yet.</source>
        <translation>还没有已登录的应用。</translation>
    </message>
    <message>
        <source>{app} will have to be signed in to again on every computer and browser.</source>
        <translation>在所有电脑和浏览器上都需要重新登录 {app}。</translation>
    </message>
    <message>
        <source>This is this app: this computer is signed out too.</source>
        <translation>这就是本应用：这台电脑也会退出登录。</translation>
    </message>
    <message>
        <source>Sign out of this app everywhere?</source>
        <translation>要在所有设备上退出此应用吗？</translation>
    </message>
    <message>
        <source>Sign out everywhere</source>
        <translation>全部退出</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Signed out of {app} everywhere.</source>
        <translation>已在所有设备上退出 {app}。</translation>
    </message>
    <message>
        <source>Signed-in apps</source>
        <translation>已登录的应用</translation>
    </message>
    <message>
        <source>The applications your account is signed in to now, on any computer or browser, and when each was last used.</source>
        <translation>你的账号当前在任意电脑或浏览器上已登录的应用，以及每个应用最近一次使用的时间。</translation>
    </message>
    <message>
        <source>Sign out of this app everywhere</source>
        <translation>在所有设备上退出此应用</translation>
    </message>
    <message>
        <source>Sign out of the selected app everywhere</source>
        <translation>在所有设备上退出所选应用</translation>
    </message>
</context>
<context>
    <name>SignedInAppsPresenter</name>
    <message>
        <source>Choose an application in the list first.</source>
        <translation>请先在列表中选择一个应用。</translation>
    </message>
    <message>
        <source>You signed out of this application everywhere, on this computer too.</source>
        <translation>你已在所有设备上退出此应用，包括这台电脑。</translation>
    </message>
</context>
<context>
    <name>SignedInView</name>
    <message>
        <source>You are signed in</source>
        <translation>你已登录</translation>
    </message>
    <message>
        <source>Signed in as {name} ({account}).</source>
        <translation>当前登录：{name}（{account}）。</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
</context>
<context>
    <name>StepPanel</name>
    <message>
        <source>Looks good</source>
        <translation>状态良好</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需要处理</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out {device}</source>
        <translation>退出 {device}</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>已登录</translation>
    </message>
    <message>
        <source>Failed attempt</source>
        <translation>失败的尝试</translation>
    </message>
    <message>
        <source>This wasn&apos;t me</source>
        <translation>这不是我</translation>
    </message>
    <message>
        <source>This wasn&apos;t me: {attempt}</source>
        <translation>这不是我：{attempt}</translation>
    </message>
    <message>
        <source>Linked account</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>Signed-in application</source>
        <translation>已登录的应用</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>解除关联</translation>
    </message>
</context>
<context>
    <name>StepUp</name>
    <message>
        <source>Export your data</source>
        <translation>导出你的数据</translation>
    </message>
    <message>
        <source>Turn off two-step verification</source>
        <translation>关闭两步验证</translation>
    </message>
    <message>
        <source>Add or remove a passkey</source>
        <translation>添加或删除通行密钥</translation>
    </message>
    <message>
        <source>Unlink an account</source>
        <translation>解除关联账号</translation>
    </message>
    <message>
        <source>Link an account</source>
        <translation>关联账号</translation>
    </message>
    <message>
        <source>Sign out other devices or apps</source>
        <translation>退出其他设备或应用的登录</translation>
    </message>
    <message>
        <source>Delete your account</source>
        <translation>注销你的账号</translation>
    </message>
    <message>
        <source>Change your password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Change your phone number</source>
        <translation>更换手机号</translation>
    </message>
    <message>
        <source>Change your email address</source>
        <translation>更换邮箱</translation>
    </message>
    <message>
        <source>Make a sensitive change to your account</source>
        <translation>修改账号的重要设置</translation>
    </message>
</context>
<context>
    <name>StepUpDialog</name>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>A code was sent to {destination}.</source>
        <translation>验证码已发送至 {destination}。</translation>
    </message>
    <message>
        <source>Confirm it&apos;s you</source>
        <translation>确认是你本人</translation>
    </message>
    <message>
        <source>{action}: confirm it&apos;s you first. This keeps your account safe if someone else uses this computer.</source>
        <translation>{action}：请先确认是你本人。这样即使别人使用这台电脑，你的账号也是安全的。</translation>
    </message>
    <message>
        <source>Confirm with</source>
        <translation>确认方式</translation>
    </message>
    <message>
        <source>How to confirm it&apos;s you</source>
        <translation>如何确认是你本人</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Touch your security key when it blinks.</source>
        <translation>安全密钥闪烁时，请触摸它。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <source>Authenticator app code</source>
        <translation>身份验证器应用中的验证码</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>邮箱验证码</translation>
    </message>
    <message>
        <source>My security key</source>
        <translation>我的安全密钥</translation>
    </message>
    <message>
        <source>Authenticator code</source>
        <translation>身份验证器验证码</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>验证码</translation>
    </message>
</context>
<context>
    <name>StepUpPresenter</name>
    <message>
        <source>This way is not available for your account.</source>
        <translation>你的账号无法使用这种方式。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Please enter the code.</source>
        <translation>请输入验证码。</translation>
    </message>
    <message>
        <source>Too many wrong tries: this way is locked for a while. Wait a few minutes or confirm another way.</source>
        <translation>错误次数过多，这种方式已暂时锁定。请等几分钟，或换一种方式确认。</translation>
    </message>
    <message>
        <source>That password is not right. Try again.</source>
        <translation>密码不正确，请重试。</translation>
    </message>
    <message>
        <source>That code is not right. Check it and try again.</source>
        <translation>验证码不正确，请检查后重试。</translation>
    </message>
    <message>
        <source>Touch your security key when it blinks.</source>
        <translation>安全密钥闪烁时，请触摸它。</translation>
    </message>
    <message>
        <source>Touch your security key now.</source>
        <translation>请现在触摸你的安全密钥。</translation>
    </message>
    <message>
        <source>This key is not one of your account&apos;s keys. Use another key, or confirm another way.</source>
        <translation>这把密钥不是你账号的密钥。请换一把密钥，或用其他方式确认。</translation>
    </message>
</context>
<context>
    <name>SummaryPanel</name>
    <message>
        <source>Checkup complete</source>
        <translation>检查完成</translation>
    </message>
    <message>
        <source>Checkup summary</source>
        <translation>检查总结</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>已做的更改</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>没有做任何更改。</translation>
    </message>
    <message>
        <source>Still needs attention</source>
        <translation>仍需处理</translation>
    </message>
    <message>
        <source>Every step looks good.</source>
        <translation>每一步都状态良好。</translation>
    </message>
</context>
<context>
    <name>SummaryWording</name>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n 个用户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n custom field(s)</source>
        <translation>
            <numerusform>%n 个自定义字段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n 个角色</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n organization(s) and department(s)</source>
        <translation>
            <numerusform>%n 个组织和部门</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n application(s)</source>
        <translation>
            <numerusform>%n 个应用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s)</source>
        <translation>
            <numerusform>%n 项设置</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>SupportPage</name>
    <message>
        <source>Support</source>
        <translation>支持</translation>
    </message>
    <message>
        <source>For support staff: the app&apos;s calls to the server, the local pool&apos;s outbox, connection profiles, flows recorded and replayed, and the local pool&apos;s setup.</source>
        <translation>供支持人员使用：本应用对服务器的调用、本地用户池的发件箱、连接配置、录制与重放的流程，以及本地用户池的设置。</translation>
    </message>
    <message>
        <source>Network inspector</source>
        <translation>网络检查器</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>连接配置</translation>
    </message>
    <message>
        <source>Transcript &amp;&amp; replay</source>
        <translation>记录与重放</translation>
    </message>
    <message>
        <source>Local pool</source>
        <translation>本地用户池</translation>
    </message>
    <message>
        <source>Support tools</source>
        <translation>支持工具</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>No system keychain available: you will have to sign in again next time.</source>
        <translation>没有可用的系统钥匙串：下次启动时需要重新登录。</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>尚未录制任何内容。</translation>
    </message>
    <message>
        <source>Could not save {name}: {reason}</source>
        <translation>无法保存 {name}：{reason}</translation>
    </message>
</context>
<context>
    <name>TranscriptTab</name>
    <message>
        <source>Save transcript</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>Transcripts (*.json)</source>
        <translation>记录文件 (*.json)</translation>
    </message>
    <message>
        <source>Replay transcript</source>
        <translation>重放记录</translation>
    </message>
    <message>
        <source>Transcripts (*.json *.jsonl)</source>
        <translation>记录文件 (*.json *.jsonl)</translation>
    </message>
    <message>
        <source>Choose a transcript file to replay.</source>
        <translation>请选择要重放的记录文件。</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <source>Start recording</source>
        <translation>开始录制</translation>
    </message>
    <message>
        <source>Recording… {count} call(s) so far. Secrets are replaced as they are recorded.</source>
        <translation>正在录制……目前 {count} 次调用。机密信息在录制时即被替换。</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>已保存到 {path}。</translation>
    </message>
    <message>
        <source>Recorded {count} call(s). Save the transcript to keep or replay it.</source>
        <translation>已录制 {count} 次调用。保存记录以便保留或重放。</translation>
    </message>
    <message>
        <source>An unfinished recording was found (the app stopped while recording). Recover it to save it.</source>
        <translation>发现未完成的录制（应用在录制时停止）。恢复后即可保存。</translation>
    </message>
    <message>
        <source>Record what you do, then save it as a redacted transcript.</source>
        <translation>录制您的操作，然后保存为脱敏的记录。</translation>
    </message>
    <message>
        <source>Replaying {count} call(s) on a fresh local pool…</source>
        <translation>正在全新的本地用户池上重放 {count} 次调用……</translation>
    </message>
    <message>
        <source>Replaying {count} call(s)…</source>
        <translation>正在重放 {count} 次调用……</translation>
    </message>
    <message>
        <source>{matching} of {total} outcome codes match.</source>
        <translation>{total} 个结果代码中有 {matching} 个一致。</translation>
    </message>
    <message>
        <source>Flow transcript</source>
        <translation>流程记录</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Recover</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Recover the unfinished recording</source>
        <translation>恢复未完成的录制</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>重放</translation>
    </message>
    <message>
        <source>Transcript file</source>
        <translation>记录文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a transcript</source>
        <translation>选择记录文件</translation>
    </message>
    <message>
        <source>Pool URL (empty: a fresh local pool)</source>
        <translation>用户池地址（留空：全新的本地用户池）</translation>
    </message>
    <message>
        <source>Pool to replay on</source>
        <translation>重放所用的用户池</translation>
    </message>
    <message>
        <source>Replay the transcript</source>
        <translation>重放记录</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始</translation>
    </message>
    <message>
        <source>Replayed</source>
        <translation>重放</translation>
    </message>
    <message>
        <source>Replay outcomes</source>
        <translation>重放结果</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
</context>
<context>
    <name>TwoStepEnrolDialog</name>
    <message>
        <source>Turn on two-step verification</source>
        <translation>开启两步验证</translation>
    </message>
    <message>
        <source>Scan this QR code with an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP…). From then on, signing in asks for the app&apos;s code.</source>
        <translation>用身份验证器应用（Google Authenticator、Microsoft Authenticator、FreeOTP 等）扫描此二维码。此后登录时需要输入该应用的验证码。</translation>
    </message>
    <message>
        <source>QR code for your authenticator app</source>
        <translation>供身份验证器应用扫描的二维码</translation>
    </message>
    <message>
        <source>Cannot scan? Type this key into the app instead:</source>
        <translation>无法扫描？请在应用中手动输入此密钥：</translation>
    </message>
    <message>
        <source>Key for manual entry</source>
        <translation>手动输入的密钥</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>复制密钥</translation>
    </message>
    <message>
        <source>Code shown by the app</source>
        <translation>应用显示的验证码</translation>
    </message>
    <message>
        <source>Turn on</source>
        <translation>开启</translation>
    </message>
    <message>
        <source>Confirm the code and turn on two-step verification</source>
        <translation>确认验证码并开启两步验证</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Two-step verification is on.</source>
        <translation>两步验证已开启。</translation>
    </message>
    <message>
        <source>This is your recovery code. If you lose your phone, it signs you in once (and gives you a new one). Keep it somewhere safe: it is shown only now.</source>
        <translation>这是你的恢复码。如果手机丢失，可用它登录一次（并获得新的恢复码）。请妥善保存：它只显示这一次。</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>I saved it</source>
        <translation>我已保存</translation>
    </message>
</context>
<context>
    <name>TwoStepPresenter</name>
    <message>
        <source>Start again: the set-up was closed.</source>
        <translation>请重新开始：设置已关闭。</translation>
    </message>
    <message>
        <source>This code does not match. Check the time on your phone and type the current code.</source>
        <translation>验证码不匹配。请检查手机时间并输入当前的验证码。</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <source>You have changes that are not saved yet. Save them now?</source>
        <translation>你有尚未保存的更改。现在保存吗？</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃更改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;System colours</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <source>The language of the app and of the server&apos;s messages</source>
        <translation>应用界面和服务器消息使用的语言</translation>
    </message>
    <message>
        <source>Light or dark colours; the system setting is followed until you choose</source>
        <translation>浅色或深色；在你选择之前跟随系统设置</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>Just now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <source>Email and password</source>
        <translation>邮箱和密码</translation>
    </message>
    <message>
        <source>Username and password</source>
        <translation>用户名和密码</translation>
    </message>
    <message>
        <source>Phone and password</source>
        <translation>手机号和密码</translation>
    </message>
    <message>
        <source>Phone and SMS code</source>
        <translation>手机号和短信验证码</translation>
    </message>
    <message>
        <source>Sub-account</source>
        <translation>子账号</translation>
    </message>
    <message>
        <source>LDAP directory account</source>
        <translation>LDAP 目录账号</translation>
    </message>
    <message>
        <source>Active Directory account</source>
        <translation>Active Directory 账号</translation>
    </message>
    <message>
        <source>Security key or passkey</source>
        <translation>安全密钥或通行密钥</translation>
    </message>
    <message>
        <source>Signed up with email</source>
        <translation>通过邮箱注册</translation>
    </message>
    <message>
        <source>Signed up with a username</source>
        <translation>通过用户名注册</translation>
    </message>
    <message>
        <source>Signed up with a phone number</source>
        <translation>通过手机号注册</translation>
    </message>
    <message>
        <source>Other sign-in method</source>
        <translation>其他登录方式</translation>
    </message>
    <message>
        <source>Signed up with WeChat</source>
        <translation>通过微信注册</translation>
    </message>
    <message>
        <source>Added by an administrator</source>
        <translation>由管理员添加</translation>
    </message>
    <message>
        <source>Signed up with another account</source>
        <translation>通过其他账号注册</translation>
    </message>
    <message>
        <source>Created another way</source>
        <translation>通过其他方式创建</translation>
    </message>
    <message>
        <source>Authenticator app</source>
        <translation>身份验证器应用</translation>
    </message>
    <message>
        <source>SMS code</source>
        <translation>短信验证码</translation>
    </message>
    <message>
        <source>Email code</source>
        <translation>邮箱验证码</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>Security key</source>
        <translation>安全密钥</translation>
    </message>
    <message>
        <source>Second step</source>
        <translation>第二步验证</translation>
    </message>
    <message>
        <source>{browser} on {system}</source>
        <translation>{system} 上的 {browser}</translation>
    </message>
    <message>
        <source>Unknown device</source>
        <translation>未知设备</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Sign in to open this page.</source>
        <translation>登录后才能打开此页面。</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Support tools</source>
        <translation>支持工具</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
</context>
<context>
    <name>YourDataPage</name>
    <message>
        <source>Export to which folder?</source>
        <translation>导出到哪个文件夹？</translation>
    </message>
    <message>
        <source>Reading {section}…</source>
        <translation>正在读取{section}…</translation>
    </message>
    <message>
        <source>Writing files…</source>
        <translation>正在写入文件…</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>个人资料</translation>
    </message>
    <message>
        <source>custom data</source>
        <translation>自定义数据</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>resources</source>
        <translation>资源</translation>
    </message>
    <message>
        <source>applications</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>login history</source>
        <translation>登录历史</translation>
    </message>
    <message>
        <source>Deleting your account signs you out everywhere and cannot be undone. You will prove it is you and type your account name to confirm.</source>
        <translation>删除账号会让你在所有设备上退出登录，且无法撤销。你需要验证身份，并输入账号名称以确认。</translation>
    </message>
    <message>
        <source>Your data</source>
        <translation>你的数据</translation>
    </message>
    <message>
        <source>Sign in to export your data or delete your account.</source>
        <translation>登录后可导出你的数据或注销账号。</translation>
    </message>
    <message>
        <source>Take a copy of what your account holds, or close the account for good.</source>
        <translation>导出账号中的全部数据，或永久注销账号。</translation>
    </message>
    <message>
        <source>Export my data</source>
        <translation>导出我的数据</translation>
    </message>
    <message>
        <source>Save a copy of everything your account holds: profile, custom data, roles, organizations, departments, resources, applications, devices and login history. One JSON file, and a CSV file for each table. No password, token or code is included.</source>
        <translation>保存你账号中所有内容的副本：个人资料、自定义数据、角色、组织、部门、资源、应用、设备和登录历史。生成一个 JSON 文件，每张表另有一个 CSV 文件。不包含任何密码、令牌或验证码。</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder to export to</source>
        <translation>导出到的文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Choose the folder to export to</source>
        <translation>选择导出文件夹</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <source>Exported to {folder} (data.json and %n CSV file(s)).</source>
        <translation>
            <numerusform>已导出到 {folder}（data.json 和 %n 个 CSV 文件）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出进度</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Open the folder of the export</source>
        <translation>打开导出所在的文件夹</translation>
    </message>
    <message>
        <source>Delete my account</source>
        <translation>注销我的账号</translation>
    </message>
    <message>
        <source>Delete my account…</source>
        <translation>注销我的账号…</translation>
    </message>
</context>
<context>
    <name>YourDataPresenter</name>
    <message>
        <source>Choose an existing folder to export to.</source>
        <translation>请选择一个已存在的文件夹用于导出。</translation>
    </message>
    <message>
        <source>You need to confirm it&apos;s you to export your data. Try again and enter your password or a code.</source>
        <translation>需要先确认是你本人才能导出数据。请重试，并输入密码或验证码。</translation>
    </message>
    <message>
        <source>The files could not be written: {reason}</source>
        <translation>无法写入文件：{reason}</translation>
    </message>
    <message>
        <source>This proof is not available for your account.</source>
        <translation>你的账号无法使用此验证方式。</translation>
    </message>
    <message>
        <source>Please enter your password.</source>
        <translation>请输入密码。</translation>
    </message>
    <message>
        <source>Please enter the verification code.</source>
        <translation>请输入验证码。</translation>
    </message>
    <message>
        <source>Type {text} exactly to confirm.</source>
        <translation>请准确输入 {text} 以确认。</translation>
    </message>
    <message>
        <source>Your account was deleted. You are signed out.</source>
        <translation>你的账号已注销，你已退出登录。</translation>
    </message>
</context>
</TS>
