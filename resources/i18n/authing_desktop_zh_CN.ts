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
        <source>Sign in to see your roles, organizations and the resources you may use.</source>
        <translation>登录后可查看你的角色、组织和可使用的资源。</translation>
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
    <name>AccountPresenter</name>
    <message>
        <source>Codes are sent at most once a minute. Please wait before asking for another one.</source>
        <translation>验证码每分钟最多发送一次，请稍后再请求。</translation>
    </message>
    <message>
        <source>This user pool does not offer this operation (HTTP 404).</source>
        <translation>此用户池不支持该操作（HTTP 404）。</translation>
    </message>
</context>
<context>
    <name>ApplicationsPage</name>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} / {total}</translation>
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
        <source>A verification email was sent. Follow its instructions, then press Refresh.</source>
        <translation>验证邮件已发送。请按邮件中的说明操作，然后点击“刷新”。</translation>
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
        <source>Phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前</translation>
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
        <source>Code sent to the new value</source>
        <translation>发送到新手机号或邮箱的验证码</translation>
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
        <source>Saved {key}.</source>
        <translation>已保存 {key}。</translation>
    </message>
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
        <source>Key</source>
        <translation>键名</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
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
        <source>Choose a data type.</source>
        <translation>请选择数据类型。</translation>
    </message>
</context>
<context>
    <name>FormPresenter</name>
    <message>
        <source>Codes are sent at most once a minute. Please wait before asking for another one.</source>
        <translation>验证码每分钟最多发送一次，请稍后再试。</translation>
    </message>
    <message>
        <source>This sign-in method is not set up for this user pool.</source>
        <translation>此用户池未配置该登录方式。</translation>
    </message>
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
        <source>Sections</source>
        <translation>栏目</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
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
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Show the password</source>
        <translation>显示密码</translation>
    </message>
    <message>
        <source>Show or hide the password</source>
        <translation>显示或隐藏密码</translation>
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
    <name>PoolLauncher</name>
    <message>
        <source>Starting the local user pool…</source>
        <translation>正在启动本地用户池…</translation>
    </message>
    <message>
        <source>The local user pool could not start: {reason}</source>
        <translation>本地用户池无法启动：{reason}</translation>
    </message>
    <message>
        <source>The local user pool is ready at {url}.</source>
        <translation>本地用户池已就绪：{url}。</translation>
    </message>
</context>
<context>
    <name>ProfileFields</name>
    <message>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <source>Name parts</source>
        <translation>姓名</translation>
    </message>
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
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
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
        <source>Signed up through</source>
        <translation>注册方式</translation>
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
    <name>SecurityPage</name>
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
        <source>Security score</source>
        <translation>安全评分</translation>
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
    <name>SupportPage</name>
    <message>
        <source>Support</source>
        <translation>帮助与设置</translation>
    </message>
    <message>
        <source>Connection profiles, language, where your data is kept, and how to report a problem.</source>
        <translation>连接配置、界面语言、数据存放位置，以及如何报告问题。</translation>
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
</TS>
